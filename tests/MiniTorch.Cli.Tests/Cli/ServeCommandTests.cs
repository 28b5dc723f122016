using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MiniTorch.Cli;

namespace MiniTorch.Tests.Cli;

/// <summary>
/// <c>minitorch serve</c>: prints the address it listens at, answers there, and stops with exit code 0 on Ctrl+C; a
/// port that is taken or out of range is a usage error with one line.
/// </summary>
[Trait("Task", "1.5")]
public sealed partial class ServeCommandTests
{
    [SkippableFact]
    public async Task Serve_on_port_0_prints_the_address_answers_and_exits_0_on_SIGINT()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "sending SIGINT needs a Unix 'kill'");
        using var child = CliProcess.Start("serve", "--port", "0");

        var line = child.WaitForLine("MiniTorch sandbox at ");
        var address = new Uri(Address().Match(line).Value);
        using (var client = new HttpClient { BaseAddress = address })
        {
            var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));
            Assert.Contains("<title>MiniTorch sandbox</title>", page, StringComparison.Ordinal);
        }

        child.Signal("INT");
        var (exitCode, _, error) = child.WaitForExit();

        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
    }

    [SkippableFact]
    public async Task Serve_listens_only_where_it_prints_whatever_asp_net_s_variables_say()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "sending SIGINT needs a Unix 'kill'");
        var ports = Enumerable.Range(0, 7).Select(_ => FreePort()).ToArray();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://0.0.0.0:{ports[0]}",
            ["DOTNET_URLS"] = $"http://0.0.0.0:{ports[1]}",
            ["URLS"] = $"http://0.0.0.0:{ports[2]}",
            ["ASPNETCORE_HTTP_PORTS"] = $"{ports[3]}",
            ["HTTP_PORTS"] = $"{ports[4]}",
            ["Kestrel__Endpoints__Extra__Url"] = $"http://0.0.0.0:{ports[5]}",
            ["ASPNETCORE_Kestrel__Endpoints__Other__Url"] = $"http://0.0.0.0:{ports[6]}",
        };
        using var child = CliProcess.StartWith(environment, "serve", "--port", "0");

        var address = new Uri(Address().Match(child.WaitForLine("MiniTorch sandbox at ")).Value);
        using (var client = new HttpClient { BaseAddress = address })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        }

        var answered = ports.Where(Answers).ToArray();
        child.Signal("INT");
        var (exitCode, _, _) = child.WaitForExit();

        Assert.Empty(answered);
        Assert.Equal("127.0.0.1", address.Host);
        Assert.DoesNotContain(address.Port, ports);
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public void A_port_in_use_is_a_usage_error_of_one_line()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var run = CommandRun.Of("serve", "--port", port);

        Assert.Equal(MiniTorchCommand.UsageError, run.ExitCode);
        var message = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"cannot listen on 127.0.0.1:{port}", message, StringComparison.Ordinal);
        Assert.Contains("--port 0", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("65536")]
    public void A_port_out_of_range_is_a_usage_error_of_one_line(string port)
    {
        var run = CommandRun.Of("serve", "--port", port);

        Assert.Equal(MiniTorchCommand.UsageError, run.ExitCode);
        var message = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"--port must be between 0 and 65535 (got {port}); 0 picks a free port", message);
    }

    // A port free when asked: the system gives it, and it is given back at once.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Whether anything accepts a connection at the port, on loopback (where a server on 0.0.0.0 answers too).
    private static bool Answers(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException problem) when (problem.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return false;
        }
    }

    [GeneratedRegex(@"http://\S+")]
    private static partial Regex Address();
}
