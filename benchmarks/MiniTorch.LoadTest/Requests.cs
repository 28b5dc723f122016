using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MiniTorch.LoadTest;

/// <summary>The page's requests, as its scripts send them.</summary>
internal static class Requests
{
    /// <summary>Starts a training.</summary>
    /// <param name="http">A client of the page.</param>
    /// <param name="settings">The training's settings, as the page sends them.</param>
    /// <param name="stop">Cancels the request.</param>
    /// <returns>The new training's id, or null when the server refused it (the status then says why).</returns>
    public static async Task<(string? Id, int Status)> StartAsync(HttpClient http, object settings, CancellationToken stop)
    {
        using var response = await http.PostAsJsonAsync("/api/trainings", settings, stop);
        return response.IsSuccessStatusCode
            ? ((await response.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("id").GetString(), (int)response.StatusCode)
            : (null, (int)response.StatusCode);
    }

    /// <summary>Sends play, pause, step or reset (DELETE), which have no body but say JSON, as the page's do.</summary>
    /// <param name="http">A client of the page.</param>
    /// <param name="method">POST or DELETE.</param>
    /// <param name="path">The path.</param>
    /// <param name="stop">Cancels the request.</param>
    /// <returns>Whether the server accepted it.</returns>
    public static async Task<bool> ControlAsync(HttpClient http, HttpMethod method, string path, CancellationToken stop)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(string.Empty, Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request, stop);
        return response.IsSuccessStatusCode;
    }
}
