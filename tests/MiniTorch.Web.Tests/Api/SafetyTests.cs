using System.Net;

namespace MiniTorch.Web.Tests.Api;

/// <summary>
/// The sandbox's limits: loopback Host names only (against DNS rebinding), a Content-Security-Policy without inline
/// script, and a page served from the assembly, so that no request reaches the file system.
/// </summary>
[Trait("Task", "1.5")]
public sealed class SafetyTests : IClassFixture<SandboxFactory>
{
    private readonly SandboxFactory _factory;

    public SafetyTests(SandboxFactory factory) => _factory = factory;

    [Theory]
    [InlineData("evil.example")]
    [InlineData("192.168.1.10")]
    [InlineData("localhost.evil.example")]
    public async Task A_request_whose_host_is_not_a_loopback_name_is_refused_with_400(string host)
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Host = host;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("localhost:5000")]
    [InlineData("127.0.0.1:5000")]
    [InlineData("[::1]:5000")]
    public async Task A_loopback_host_is_served(string host)
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Host = host;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_page_has_a_content_security_policy_without_inline_script_and_no_inline_script()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval'", policy.Replace("'wasm-unsafe-eval'", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotMatch("<script(?![^>]*src=)", page);
        Assert.DoesNotMatch(@"<[^>]*\son[a-z]+\s*=", page);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/js/main.js", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    [InlineData("/vendor/viz-global.js", "text/javascript")]
    [InlineData("/vendor/LICENSE-viz-js.txt", "text/plain")]
    public async Task The_page_s_files_are_served_from_the_assembly(string path, string type)
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/MiniTorch.Web.dll")]
    [InlineData("/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/%2Fetc%2Fpasswd")]
    [InlineData("/appsettings.json")]
    [InlineData("/api/nothing")]
    public async Task Anything_else_is_404(string path)
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
