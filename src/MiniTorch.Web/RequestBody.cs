using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using MiniTorch.Expressions;
using MiniTorch.Runs;

namespace MiniTorch.Web;

/// <summary>
/// Reading a request's JSON body, and the one shape of every refusal: status 400 with a problem-details JSON whose
/// <c>errors</c> names the field (<see cref="Invalid"/>). Nothing about the server's code reaches the client: the
/// messages are written here from the field and what it must be, never taken from the serializer.
/// </summary>
/// <remarks>
/// The body is read into memory up to <see cref="MaxBytes"/>, whether or not it says its length (a chunked body is
/// counted as it comes), then checked as a whole: valid JSON, an object, no name twice in any object, no field the
/// request does not have (names match exactly, as the page writes them), and each field of the right kind.
/// </remarks>
internal static class RequestBody
{
    /// <summary>The largest body accepted: room for 1,000 CSV rows or a 10,000-character expression.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>How every body is read: camelCase names matched exactly, numbers only as numbers.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.Strict,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>Reads the body as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The request's type.</typeparam>
    /// <param name="request">The request.</param>
    /// <returns>The value, or the 400 result naming the field that could not be read.</returns>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        var bytes = await ReadBoundedAsync(request);
        if (bytes is null)
        {
            return (null, TooLarge());
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException problem)
        {
            return (null, Invalid("body", string.Create(
                CultureInfo.InvariantCulture, $"is not valid JSON (line {problem.LineNumber + 1}, byte {problem.BytePositionInLine + 1})")));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Invalid("body", "must be a JSON object"));
            }

            if (JsonNames.FirstRepeated(document.RootElement) is { } repeated)
            {
                return (null, Invalid(TextExcerpt.Shorten(repeated), "appears more than once; give each field once"));
            }

            if (UnknownField(document.RootElement, typeof(T), string.Empty) is { } unknown)
            {
                return (null, unknown);
            }

            try
            {
                return (document.RootElement.Deserialize<T>(Options)!, null);
            }
            catch (JsonException problem)
            {
                var path = FieldOf(problem.Path);
                var (field, nested) = FieldAt(typeof(T), path);
                return (null, Invalid(TextExcerpt.Shorten(path), "must be " + Kind(field, nested)));
            }
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

    /// <summary>The refusal of a body larger than <see cref="MaxBytes"/>.</summary>
    /// <returns>The 400 result naming the body.</returns>
    public static IResult TooLarge() => Invalid("body", string.Create(CultureInfo.InvariantCulture, $"is larger than {MaxBytes} bytes"));

    // The body's bytes, or null when there are more than MaxBytes. Kestrel's own limit (the same number) may stop the
    // read first: its refusal of a body too large becomes the same answer.
    private static async Task<byte[]?> ReadBoundedAsync(HttpRequest request)
    {
        if (request.ContentLength is > MaxBytes)
        {
            return null;
        }

        using var contents = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                if (contents.Length + read > MaxBytes)
                {
                    return null;
                }

                contents.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException problem) when (problem.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return contents.ToArray();
    }

    // The first field, at any depth of the request's own objects (such as a model graph's training settings), that the
    // object's type does not have: names match exactly, as the page writes them.
    private static IResult? UnknownField(JsonElement json, Type type, string prefix)
    {
        var fields = Options.GetTypeInfo(type).Properties;
        foreach (var property in json.EnumerateObject())
        {
            var field = fields.FirstOrDefault(f => f.Name == property.Name);
            if (field is null)
            {
                return Invalid(
                    TextExcerpt.Shorten(prefix + property.Name), $"is not a field of {(prefix.Length == 0 ? "this request" : prefix.TrimEnd('.'))}; its fields are {string.Join(", ", fields.Select(f => f.Name))}");
            }

            if (IsRequestObject(field.PropertyType) && property.Value.ValueKind == JsonValueKind.Object
                && UnknownField(property.Value, Nullable.GetUnderlyingType(field.PropertyType) ?? field.PropertyType, prefix + property.Name + ".") is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    // The field a path such as "settings.hidden" or "values.x" names, going into the request's own objects; nested is
    // true when the path goes on into the field's value (an entry of a dictionary or a list).
    private static (JsonPropertyInfo Field, bool Nested) FieldAt(Type type, string path)
    {
        var segments = path.Split('.', '[');
        for (var k = 0; ; k++)
        {
            var field = Options.GetTypeInfo(type).Properties.First(f => f.Name == segments[k]);
            var fieldType = Nullable.GetUnderlyingType(field.PropertyType) ?? field.PropertyType;
            if (k + 1 == segments.Length || !IsRequestObject(fieldType))
            {
                return (field, k + 1 < segments.Length);
            }

            type = fieldType;
        }
    }

    // A type of this assembly read from a JSON object (a request record), rather than a string, number, list or dictionary.
    private static bool IsRequestObject(Type type) => type.Assembly == typeof(RequestBody).Assembly && type.IsClass;

    // JsonException.Path is "$.hidden", "$.values.x" or "$" (the body as a whole); a field name is what a page can point at.
    private static string FieldOf(string? path) =>
        path is null || path == "$" ? "body" : path.TrimStart('$', '.');

    // What a field holds, in the page's words rather than .NET's: for a dictionary's entry (nested), its values' kind.
    private static string Kind(JsonPropertyInfo field, bool nested)
    {
        var type = Nullable.GetUnderlyingType(field.PropertyType) ?? field.PropertyType;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return nested ? KindOf(type.GetGenericArguments()[1]) : $"an object whose values are each {KindOf(type.GetGenericArguments()[1])}";
        }

        return IsRequestObject(type)
            ? $"an object with the fields {string.Join(", ", Options.GetTypeInfo(type).Properties.Select(p => p.Name))}"
            : KindOf(type);
    }

    private static string KindOf(Type type) =>
        type == typeof(string) ? "a string"
        : type == typeof(double) ? "a number"
        : type == typeof(int) ? "a whole number"
        : type == typeof(ulong) ? string.Create(CultureInfo.InvariantCulture, $"a whole number from 0 to {ulong.MaxValue}")
        : type == typeof(int[]) ? "a list of whole numbers"
        : type == typeof(bool) ? "true or false"
        : type == typeof(string[]) ? "a list of strings"
        : "a value of another kind";
}
