using System.CommandLine;
using System.Globalization;
using System.Net;
using MiniTorch.Web;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// <c>minitorch serve [--port 5000]</c>: the interactive sandbox, a local web page that shows autodiff and training
/// live, served on 127.0.0.1 until Ctrl+C.
/// </summary>
internal sealed class ServeCommand
{
    private const int MaxPort = IPEndPoint.MaxPort;

    private readonly Option<int> _port = new("--port")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"The port on 127.0.0.1 (0 to {MaxPort}; 0 picks a free one)."),
        DefaultValueFactory = _ => 5000,
        CustomParser = result => OptionChecks.ParseWholeNumber<int>(result, string.Create(CultureInfo.InvariantCulture, $"between 0 and {MaxPort}")),
    };

    private ServeCommand()
    {
    }

    /// <summary>Builds the <c>serve</c> command.</summary>
    /// <returns>The command, ready to add to the root.</returns>
    public static Command Create() => new ServeCommand().Build();

    private Command Build()
    {
        var command = new Command("serve", "Open the sandbox: a local web page to train networks and step through autodiff (Ctrl+C stops it).")
        {
            _port,
        };
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(parseResult, cancellationToken)));
        return command;
    }

    private int Run(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var port = parseResult.GetValue(_port);
        if (port is < 0 or > MaxPort)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--port must be between 0 and {MaxPort} (got {port}); 0 picks a free port"));
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var signals = TerminationSignals.Listen(stop);
        try
        {
            SandboxServer.RunAsync(port, parseResult.InvocationConfiguration.Output, stop.Token).GetAwaiter().GetResult();
        }
        catch (IOException problem)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"cannot listen on 127.0.0.1:{port}: {FirstLine(problem.Message)}; choose another --port, or --port 0 for a free one"), problem);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }

        return 0;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].TrimEnd('.', '\r');
}
