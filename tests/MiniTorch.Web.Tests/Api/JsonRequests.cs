using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MiniTorch.Web.Tests.Api;

/// <summary>The two answers the tests of an endpoint expect: 200 with JSON, or 400 naming a field.</summary>
internal static class JsonRequests
{
    /// <summary>Posts a body and expects 200.</summary>
    /// <param name="client">The client.</param>
    /// <param name="path">The endpoint.</param>
    /// <param name="body">The body, sent as JSON.</param>
    /// <returns>The answer's JSON.</returns>
    public static async Task<JsonElement> PostOkAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Posts a JSON text and expects 400 with problem details naming <paramref name="field"/> and no stack trace.</summary>
    /// <param name="client">The client.</param>
    /// <param name="path">The endpoint.</param>
    /// <param name="body">The body's text.</param>
    /// <param name="field">The field the refusal must name.</param>
    /// <returns>The work.</returns>
    public static async Task AssertRefusedAsync(HttpClient client, string path, string body, string field)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.DoesNotContain("   at ", problem.ToString(), StringComparison.Ordinal);
    }
}
