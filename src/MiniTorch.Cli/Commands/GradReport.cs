using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniTorch.Expressions;

namespace MiniTorch.Cli.Commands;

/// <summary>What <c>minitorch grad</c> prints: the value and, per variable, the derivative and the optional check.</summary>
/// <param name="Value">The value of the expression.</param>
/// <param name="Gradients">One entry per variable, in order of first occurrence.</param>
internal sealed record GradReport(double Value, IReadOnlyList<VariableDerivative> Gradients)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// Writes an aligned table: a <c>value</c> line, then one row per variable with its derivative and, when checked,
    /// the central-difference estimate and <c>pass</c> or <c>FAIL</c>.
    /// </summary>
    /// <param name="output">Where to write.</param>
    public void WriteText(TextWriter output)
    {
        output.WriteLine($"value  {Format(Value)}");
        if (Gradients.Count == 0)
        {
            return;
        }

        var checkedAny = Gradients.Any(g => g.Verdict is not null);
        var rows = new List<string[]>
        {
            checkedAny ? ["variable", "derivative", "central difference", "check"] : ["variable", "derivative"],
        };
        foreach (var g in Gradients)
        {
            rows.Add(checkedAny
                ? [g.Name, Format(g.Derivative), Format(g.CentralDifference ?? double.NaN), VerdictText(g.Verdict)]
                : [g.Name, Format(g.Derivative)]);
        }

        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    /// <summary>
    /// Writes one JSON object, <c>{"value": V, "gradients": {"x": dx, …}}</c>, plus <c>"numeric"</c> and
    /// <c>"check"</c> objects (the estimate, and <c>"pass"</c>, <c>"fail"</c> or <c>"cannot check"</c>, per variable)
    /// when checked. Numbers are in shortest
    /// round-trip form; NaN and infinities are written as the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>.
    /// </summary>
    /// <param name="output">Where to write.</param>
    public void WriteJson(TextWriter output)
    {
        var gradients = new JsonObject();
        var numeric = new JsonObject();
        var check = new JsonObject();
        foreach (var g in Gradients)
        {
            gradients[g.Name] = Json(g.Derivative);
            if (g.CentralDifference is { } estimate)
            {
                numeric[g.Name] = Json(estimate);
                check[g.Name] = VerdictText(g.Verdict).ToLowerInvariant();
            }
        }

        var root = new JsonObject { ["value"] = Json(Value), ["gradients"] = gradients };
        if (Gradients.Any(g => g.Verdict is not null))
        {
            root["numeric"] = numeric;
            root["check"] = check;
        }

        output.WriteLine(root.ToJsonString(Indented));
    }

    private static JsonValue Json(double value) =>
        double.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(Format(value));

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // The check's verdict in the table: pass, FAIL (loud, as a failure should be), or cannot check.
    private static string VerdictText(DerivativeVerdict? verdict) => verdict switch
    {
        DerivativeVerdict.Pass => "pass",
        DerivativeVerdict.Fail => "FAIL",
        _ => "cannot check",
    };
}
