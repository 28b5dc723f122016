using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace MiniTorch.Web;

/// <summary>
/// Reading a request's JSON body, and the one shape of every refusal: status 400 with a problem-details JSON whose
/// <c>errors</c> names the field (<see cref="Invalid"/>). Nothing about the server's code reaches the client.
/// </summary>
internal static class RequestBody
{
    /// <summary>The largest body accepted: room for 1,000 CSV rows or a 10,000-character expression.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>How every body is read: camelCase names, numbers only as numbers, unknown fields refused.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads the body as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The request's type.</typeparam>
    /// <param name="request">The request.</param>
    /// <returns>The value, or the 400 result naming the field that could not be read.</returns>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        if (request.ContentLength is > MaxBytes)
        {
            return (null, Invalid("body", $"is larger than {MaxBytes} bytes"));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted);
            return value is null ? (null, Invalid("body", "must be a JSON object")) : (value, null);
        }
        catch (JsonException problem)
        {
            return (null, Invalid(FieldOf(problem.Path), "is not valid here: " + FirstSentence(problem.Message)));
        }
    }

    /// <summary>The 400 problem details for one field.</summary>
    /// <param name="field">The field's name, as in the request, for example <c>hidden</c>.</param>
    /// <param name="message">What is wrong with it and what is allowed, for example <c>must be 1 to 200</c>.</param>
    /// <returns>The result.</returns>
    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: $"{field} {message}",
            title: "The request is not valid.");

    // JsonException.Path is "$.hidden" or "$" (the body as a whole); a field name is what a page can point at.
    private static string FieldOf(string? path) =>
        path is null || path == "$" ? "body" : path.TrimStart('$', '.');

    // The serializer's message goes on to name a .NET type and a path; the first sentence says what was wrong.
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
