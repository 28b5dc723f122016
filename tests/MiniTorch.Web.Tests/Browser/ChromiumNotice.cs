using MiniTorch.Tests.Cli;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MiniTorch.Web.Tests.Browser;

/// <summary>
/// Prints, once for the browser tests, why they are skipped when Chromium is missing: the plain <c>dotnet test</c>
/// lists skipped tests without their reason, but shows xunit's diagnostic messages (turned on in xunit.runner.json).
/// </summary>
public sealed class ChromiumNotice
{
    /// <summary>Reports Chromium missing, unless this is CI (where the tests fail instead).</summary>
    /// <param name="diagnostics">xunit's diagnostic channel.</param>
    public ChromiumNotice(IMessageSink diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (BrowserFixture.Chromium.Find() is null && !ExternalProgram.InCi)
        {
            diagnostics.OnMessage(new DiagnosticMessage($"{BrowserFixture.Chromium.MissingReason}: the browser tests are skipped"));
        }
    }
}
