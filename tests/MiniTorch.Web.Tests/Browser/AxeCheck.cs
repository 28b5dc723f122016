using Microsoft.Playwright;

namespace MiniTorch.Web.Tests.Browser;

/// <summary>
/// Runs axe-core (vendored in Browser/Axe) in the page: every rule axe runs by default (WCAG 2 A and AA, and its best
/// practices), on the whole document as it is shown.
/// </summary>
internal static class AxeCheck
{
    private static readonly Lazy<string> Source = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Browser", "Axe", "axe.min.js")));

    /// <summary>The violations on the page now, one line each: rule, impact, help and the first elements concerned.</summary>
    /// <param name="page">The page.</param>
    /// <returns>The violations; empty when there are none.</returns>
    public static async Task<string[]> ViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.EvaluateAsync(Source.Value);
        }

        return await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
              .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)
            """);
    }
}
