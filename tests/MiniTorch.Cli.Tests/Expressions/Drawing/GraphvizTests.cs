using MiniTorch.Expressions;

namespace MiniTorch.Tests.Expressions;

/// <summary>Finding Graphviz's <c>dot</c> on the PATH and running it; rendering itself is covered by the graph command's tests.</summary>
[Trait("Task", "1.4")]
public sealed class GraphvizTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("minitorch-graphviz-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Dot_is_found_only_as_an_executable_on_the_path()
    {
        Assert.Null(Graphviz.FindOnPath(null));
        Assert.Null(Graphviz.FindOnPath(_folder.FullName));

        var fake = Path.Combine(_folder.FullName, "dot");
        File.WriteAllText(fake, "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Null(Graphviz.FindOnPath(_folder.FullName));
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            Assert.Equal(fake, Graphviz.FindOnPath($"/no/such/folder{Path.PathSeparator}{_folder.FullName}"));
        }
    }

    [Fact]
    public void A_dot_that_cannot_run_is_an_io_error_naming_it()
    {
        var missing = Path.Combine(_folder.FullName, "no-such-dot");

        var problem = Assert.Throws<IOException>(() => Graphviz.Render(missing, "digraph { a }", "svg", Path.Combine(_folder.FullName, "a.svg")));

        Assert.StartsWith($"could not run {missing}:", problem.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_dot_that_fails_is_an_io_error_with_its_exit_code_and_error_output()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new SkipException("a shell script stands in for dot, and Windows runs none");
        }

        var failing = Path.Combine(_folder.FullName, "dot");
        File.WriteAllText(failing, "#!/bin/sh\necho 'syntax error in line 1' >&2\nexit 3\n");
        File.SetUnixFileMode(failing, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var problem = Assert.Throws<IOException>(() => Graphviz.Render(failing, "digraph {", "svg", Path.Combine(_folder.FullName, "a.svg")));

        Assert.Equal($"{failing} failed (exit code 3): syntax error in line 1", problem.Message);
    }
}
