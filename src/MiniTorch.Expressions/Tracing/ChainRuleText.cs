using System.Text;

namespace MiniTorch.Expressions;

/// <summary>
/// The backward pass in words and numbers, for a learner following it step by step: what each step computes, written
/// with <see cref="ScalarNames"/> and <see cref="ShownNumber"/>, such as <c>d(x) += 12 × y = 12 × 3 = 36</c>.
/// </summary>
public static class ChainRuleText
{
    /// <summary>The most shares a sum writes out; a longer one shows its first two, an ellipsis and its last.</summary>
    public const int MaxTermsShown = 6;

    /// <summary>
    /// The lines of one step. A computed scalar: <c>x * x = Mul(x, x) = 4</c>, then <c>d(x * x) = 3</c>, then one line
    /// per input, <c>d(x) += 3 × x = 3 × 2 = 6</c> (a constant input collects nothing). A leaf:
    /// <c>x is a leaf: d(x) = 10 + 6 + 6 = 22, its gradient</c>.
    /// </summary>
    /// <param name="step">A step of <see cref="BackwardTrace.Of"/>.</param>
    /// <param name="names">The names of the step's graph.</param>
    /// <returns>The lines, in order.</returns>
    public static IReadOnlyList<string> Step(BackwardStep step, ScalarNames names)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(names);
        var scalar = step.Scalar;
        var name = names[scalar];
        var collected = Sum(step.Received, step.Derivative);
        if (step.IsLeaf)
        {
            return [$"{name} is a leaf: d({name}) = {collected}, its gradient"];
        }

        var history = scalar.History!;
        var function = history.LastFunction!;
        var inputs = history.Inputs;
        var lines = new List<string>
        {
            $"{name} = {function.Name}({string.Join(", ", inputs.Select(i => names[i]))}) = {ShownNumber.Of(scalar.Data)}",
            step.Received.Count == 0 ? $"d({name}) = {collected}, where the backward pass starts" : $"d({name}) = {collected}",
        };
        var notation = FunctionNotation.Of(function);
        var factors = inputs.Select(names.AsFactor).ToArray();
        for (var i = 0; i < step.Terms.Count; i++)
        {
            var term = step.Terms[i];
            if (!term.IsPassedOn)
            {
                lines.Add($"{names[term.Input]} is a constant: it collects nothing");
                continue;
            }

            var d = ShownNumber.Of(step.Derivative);
            var symbol = notation.LocalDerivative(i, factors);
            var local = ShownNumber.Of(term.LocalDerivative);
            var product = symbol == local ? $"{d} \u00d7 {local}" : $"{d} \u00d7 {symbol} = {d} \u00d7 {local}";
            lines.Add($"d({names[term.Input]}) += {product} = {ShownNumber.Of(term.Share)}");
        }

        return lines;
    }

    /// <summary>
    /// A sum as it was collected: <c>10 + 6 + 6 = 22</c>; one share alone is just its number. A negative share is
    /// written as a subtraction (<c>10 − 6</c>); more than <see cref="MaxTermsShown"/> shares show the first two, an
    /// ellipsis, the last and how many there are.
    /// </summary>
    /// <param name="shares">The shares in order of arrival; none for the output, which starts from <paramref name="total"/>.</param>
    /// <param name="total">Their sum, as the library added them up.</param>
    /// <returns>The text.</returns>
    public static string Sum(IReadOnlyList<double> shares, double total)
    {
        ArgumentNullException.ThrowIfNull(shares);
        if (shares.Count <= 1)
        {
            return ShownNumber.Of(total);
        }

        var text = new StringBuilder(ShownNumber.Of(shares[0]));
        var shortened = shares.Count > MaxTermsShown;
        for (var k = 1; k < shares.Count; k++)
        {
            if (shortened && k == 2)
            {
                text.Append(" + \u2026");
                k = shares.Count - 1;
            }

            var share = shares[k];
            text.Append(double.IsNegative(share) && !double.IsNaN(share) ? " \u2212 " + ShownNumber.Of(-share) : " + " + ShownNumber.Of(share));
        }

        if (shortened)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $" ({shares.Count} shares)");
        }

        return text.Append(" = ").Append(ShownNumber.Of(total)).ToString();
    }
}
