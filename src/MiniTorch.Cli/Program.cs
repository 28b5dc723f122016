using MiniTorch.Cli;

return MiniTorchCommand.Run(args, Console.Out, Console.Error);
