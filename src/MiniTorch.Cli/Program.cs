using MiniTorch.Cli;

return MiniTorchCommand.Run(args, StandardStreams.Output, StandardStreams.Error);
