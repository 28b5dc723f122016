using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MiniTorch.Web.Tests.Api;

/// <summary>
/// Every request body is read within 256 KB however it is sent (with a length or in chunks), and checked whole: a body
/// over the limit, a name given twice, a field the request does not have or of the wrong kind is refused with 400 and
/// problem details whose message names the field in the page's words, never a .NET type.
/// </summary>
[Trait("Task", "1.5")]
public sealed class RequestBodyTests : IClassFixture<SandboxFactory>
{
    private const int Limit = 256 * 1024;

    private readonly SandboxFactory _factory;

    public RequestBodyTests(SandboxFactory factory) => _factory = factory;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_256_KB_is_400_with_problem_details_with_or_without_a_length(bool chunked)
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsync(new Uri("/api/expression", UriKind.Relative), Oversized(chunked));

        await AssertRefusedAsync(response, "body", "body is larger than 262144 bytes");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_256_KB_sent_to_a_real_server_is_400_not_500(bool chunked)
    {
        var sandbox = new LiveSandbox();
        await sandbox.InitializeAsync();
        try
        {
            using var client = sandbox.CreateClient();

            var response = await client.PostAsync(new Uri("/api/trainings/preview", UriKind.Relative), Oversized(chunked));

            await AssertRefusedAsync(response, "body", "body is larger than 262144 bytes");
        }
        finally
        {
            await sandbox.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/api/trainings/preview", """{"hidden": 3, "hidden": 4}""", "hidden")]
    [InlineData("/api/trainings/preview", """{"dataset": "xor", "points": 10, "dataset": "circle"}""", "dataset")]
    [InlineData("/api/expression", """{"expression": "x", "values": {"x": 1, "x": 2}}""", "values.x")]
    [InlineData("/api/functions", """{"expression": "x", "expression": "x * x"}""", "expression")]
    public async Task A_name_given_twice_is_400_naming_it(string path, string body, string field)
    {
        using var client = _factory.CreateClient();

        var response = await PostTextAsync(client, path, body);

        await AssertRefusedAsync(response, field, $"{field} appears more than once; give each field once");
    }

    [Theory]
    [InlineData("/api/trainings/preview", """{"hidden": "ten"}""", "hidden", "hidden must be a whole number")]
    [InlineData("/api/trainings/preview", """{"hidden": 2.5}""", "hidden", "hidden must be a whole number")]
    [InlineData("/api/trainings/preview", """{"seed": -1}""", "seed", "seed must be a whole number from 0 to 18446744073709551615")]
    [InlineData("/api/trainings/preview", """{"rate": "0.5"}""", "rate", "rate must be a number")]
    [InlineData("/api/trainings/preview", """{"dataset": 3}""", "dataset", "dataset must be a string")]
    [InlineData("/api/trainings/preview", """{"Hidden": 3}""", "Hidden", "Hidden is not a field of this request; its fields are dataset, points, hidden, widths, activation, rate, epochs, seed, engine, csv, batch, l2, noise, test, pace, runOn")]
    [InlineData("/api/expression", """{"expression": "x", "values": {"x": "two"}}""", "values.x", "values.x must be a number")]
    [InlineData("/api/expression", """{"expression": "x", "values": [1]}""", "values", "values must be an object whose values are each a number")]
    [InlineData("/api/functions", """{"expression": "x", "from": null, "to": "3"}""", "to", "to must be a number")]
    [InlineData("/api/expression", """{"expression": "x",}""", "body", "body is not valid JSON (line 1, byte 20)")]
    [InlineData("/api/expression", """["x"]""", "body", "body must be a JSON object")]
    public async Task A_field_of_the_wrong_kind_is_400_in_the_page_s_words_without_a_dotnet_type(string path, string body, string field, string detail)
    {
        using var client = _factory.CreateClient();

        var response = await PostTextAsync(client, path, body);

        await AssertRefusedAsync(response, field, detail);
    }

    private static HttpContent Oversized(bool chunked)
    {
        var body = Encoding.UTF8.GetBytes($$"""{"expression": "{{new string('x', Limit)}}"}""");
        HttpContent content = chunked ? new StreamContent(new UnknownLengthStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task<HttpResponseMessage> PostTextAsync(HttpClient client, string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string detail)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.DoesNotContain("System.", problem.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A stream that cannot tell its length, so that HttpClient sends it in chunks.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
