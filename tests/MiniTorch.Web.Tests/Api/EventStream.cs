using System.Text.Json;

namespace MiniTorch.Web.Tests.Api;

/// <summary>Reads a server-sent event stream: one <c>event:</c> line and one <c>data:</c> line per event.</summary>
internal sealed class EventStream(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream);

    /// <summary>Opens a training's event stream.</summary>
    /// <param name="client">The test server's client.</param>
    /// <param name="id">The training's id.</param>
    /// <returns>The stream.</returns>
    public static async Task<EventStream> OpenAsync(HttpClient client, string id)
    {
        var response = await client.GetAsync(new Uri($"/api/trainings/{id}/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStream(await response.Content.ReadAsStreamAsync());
    }

    /// <summary>Reads the next event.</summary>
    /// <returns>Its type and its data as JSON, or null at the end of the stream.</returns>
    public async Task<(string Type, JsonElement Data)?> NextAsync()
    {
        string? type = null;
        string? data = null;
        while (await _reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0 && data is not null)
            {
                return (type ?? "message", JsonDocument.Parse(data).RootElement.Clone());
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }

        return null;
    }

    /// <summary>Reads events until the one of <paramref name="type"/>.</summary>
    /// <param name="type">The event type, for example <c>end</c>.</param>
    /// <param name="seen">Receives every event before it.</param>
    /// <returns>Its data.</returns>
    public async Task<JsonElement> UntilAsync(string type, List<(string Type, JsonElement Data)>? seen = null)
    {
        while (await NextAsync() is { } item)
        {
            if (item.Type == type)
            {
                return item.Data;
            }

            seen?.Add(item);
        }

        throw new InvalidOperationException($"the stream ended without a '{type}' event");
    }

    public void Dispose() => _reader.Dispose();
}
