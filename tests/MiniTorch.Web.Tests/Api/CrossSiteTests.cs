using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MiniTorch.Web.Tests.Api;

/// <summary>
/// The sandbox answers only its own page: a request that changes or computes something must come from the page's
/// origin (or, without an Origin, say Sec-Fetch-Site: same-origin) and say Content-Type: application/json; anything
/// else is refused with 403 and problem details before any work is done. GET requests, which change nothing, are
/// answered whatever their origin.
/// </summary>
[Trait("Task", "1.5")]
public sealed class CrossSiteTests : IClassFixture<SandboxFactory>
{
    private const string Xor = """{"dataset":"xor"}""";

    private readonly SandboxFactory _factory;

    public CrossSiteTests(SandboxFactory factory) => _factory = factory;

    public static TheoryData<string, string> ComputingRequests => new()
    {
        { "/api/trainings/", Xor },
        { "/api/trainings/preview", Xor },
        { "/api/module", """{"settings":{"dataset":"xor"}}""" },
        { "/api/model-graph", """{"settings":{"dataset":"xor"},"point":3}""" },
        { "/api/expression", """{"expression":"x * x"}""" },
        { "/api/functions", """{"expression":"x * x"}""" },
        { "/api/manual", """{"dataset":"diag","w1":-1}""" },
    };

    [Fact]
    public async Task Another_site_s_text_post_of_a_training_is_refused_with_403_and_starts_nothing()
    {
        using var factory = new SandboxFactory(1);
        using var client = ClientWithoutOrigin(factory);

        var response = await SendAsync(client, HttpMethod.Post, "/api/trainings/", Xor, "text/plain", origin: "https://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("POST /api/trainings/ came from https://evil.example; only the page at http://localhost may send it.", problem.GetProperty("detail").GetString());
        Assert.Equal(0, factory.Sessions.Running);
    }

    [Theory]
    [MemberData(nameof(ComputingRequests))]
    public async Task A_computing_request_from_another_origin_is_refused_even_as_json(string path, string body)
    {
        using var client = ClientWithoutOrigin(_factory);

        var response = await SendAsync(client, HttpMethod.Post, path, body, "application/json", origin: "http://127.0.0.1.evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ComputingRequests))]
    public async Task A_computing_request_without_an_origin_is_refused(string path, string body)
    {
        using var client = ClientWithoutOrigin(_factory);

        var response = await SendAsync(client, HttpMethod.Post, path, body, "application/json", origin: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"POST {path} has no Origin header; send Origin: http://localhost, as the page's browser does.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task A_request_from_the_page_s_origin_that_is_not_json_is_refused(string? type)
    {
        using var client = ClientWithoutOrigin(_factory);

        var response = await SendAsync(client, HttpMethod.Post, "/api/expression", """{"expression":"x"}""", type, origin: "http://localhost");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("POST /api/expression must have Content-Type: application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_that_says_the_request_is_cross_site_is_refused_whatever_its_origin_says()
    {
        using var client = ClientWithoutOrigin(_factory);
        using var request = Request(HttpMethod.Post, "/api/expression", """{"expression":"x"}""", "application/json", origin: "http://localhost");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_same_origin_request_of_a_browser_that_sends_no_origin_is_answered()
    {
        using var client = ClientWithoutOrigin(_factory);
        using var request = Request(HttpMethod.Post, "/api/expression", """{"expression":"x * 3"}""", "application/json", origin: null);
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/trainings/0123456789abcdef0123456789abcdef/play")]
    [InlineData("POST", "/api/trainings/0123456789abcdef0123456789abcdef/pause")]
    [InlineData("DELETE", "/api/trainings/0123456789abcdef0123456789abcdef")]
    public async Task A_control_request_from_another_site_is_refused_before_the_training_is_looked_up(string method, string path)
    {
        using var client = ClientWithoutOrigin(_factory);

        var response = await SendAsync(client, new HttpMethod(method), path, string.Empty, "application/json", origin: "https://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/trainings/form")]
    [InlineData("/api/functions")]
    public async Task A_get_is_answered_whatever_its_origin(string path)
    {
        using var client = ClientWithoutOrigin(_factory);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Origin", "https://evil.example");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // A client that adds no Origin of its own, so that each test says exactly what it sends.
    private static HttpClient ClientWithoutOrigin(SandboxFactory factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Remove("Origin");
        return client;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string body, string? type, string? origin)
    {
        using var request = Request(method, path, body, type, origin);
        return await client.SendAsync(request);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string body, string? type, string? origin)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (type is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }
}
