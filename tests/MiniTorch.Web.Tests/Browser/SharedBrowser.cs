namespace MiniTorch.Web.Tests.Browser;

/// <summary>
/// The browser tests share one server and one Chromium, and run one class at a time: they drive trainings and read
/// the page's state as it changes, which they should do on a machine not also running the other class's browser.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Browser";
}
