using Xunit.Abstractions;
using Xunit.Sdk;

namespace MiniTorch.Tests.Cli;

/// <summary>
/// Prints, once for the test class that uses it, why its tests that need Graphviz's <c>dot</c> are skipped: the plain
/// <c>dotnet test</c> lists skipped tests without their reason, but shows xunit's diagnostic messages (turned on in
/// xunit.runner.json).
/// </summary>
public sealed class MissingProgramNotice
{
    /// <summary>Reports the missing program, if it is missing and this is not CI (where those tests fail instead).</summary>
    /// <param name="diagnostics">xunit's diagnostic channel.</param>
    public MissingProgramNotice(IMessageSink diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var dot = ExternalProgram.GraphvizDot;
        if (dot.Find() is null && !ExternalProgram.InCi)
        {
            diagnostics.OnMessage(new DiagnosticMessage($"{dot.MissingReason}: the tests that draw with it are skipped"));
        }
    }
}
