using MiniTorch.Expressions;

namespace MiniTorch.Tests.Cli;

/// <summary>
/// A program outside the .NET SDK that some tests need, and the one rule for when it is missing: on a developer's
/// machine the test skips with a visible reason naming what to install; in CI (the environment variable <c>CI</c> is
/// <c>true</c>) it fails, because CI installs the program and must run every test.
/// </summary>
/// <param name="Description">What the program is, for the message: <c>Graphviz's dot</c>.</param>
/// <param name="Find">Finds the program: its path, or <see langword="null"/> when it is not installed.</param>
/// <param name="Install">How to install it, for the message: <c>apt-get install graphviz</c>.</param>
internal sealed record ExternalProgram(string Description, Func<string?> Find, string Install)
{
    /// <summary>Graphviz's <c>dot</c>, which renders the graph command's SVG and PNG files.</summary>
    public static ExternalProgram GraphvizDot { get; } = new("Graphviz's dot", Graphviz.FindDot, "apt-get install graphviz");

    /// <summary>Why a test that needs this program cannot run here: what is missing and how to install it.</summary>
    public string MissingReason => $"{Description} is not on PATH; {Install}";

    /// <summary>Whether this run is CI's, where a missing program is a failure rather than a reason to skip.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Returns the program's path; when it is missing, fails the calling test in CI and skips it elsewhere (the calling
    /// test must be a <see cref="SkippableFactAttribute"/> or <see cref="SkippableTheoryAttribute"/>).
    /// </summary>
    /// <returns>The program's path.</returns>
    public string Require()
    {
        if (Find() is { } path)
        {
            return path;
        }

        if (InCi)
        {
            Assert.Fail($"{MissingReason} (CI=true, and CI must run this test)");
        }

        throw new SkipException(MissingReason);
    }
}
