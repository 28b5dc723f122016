using System.Globalization;
using MiniTorch.Expressions;

namespace MiniTorch.Web.Expressions;

/// <summary>
/// One step of the backward pass for the page, from <see cref="BackwardTrace"/>: which graph node it is
/// (named as <see cref="GraphExport.NodeTitle"/> labels it), the derivative it has collected, and for an
/// operation's result the chain rule's term for each input.
/// </summary>
/// <param name="Operation">The operation node that computed the variable, <c>Op 3</c>, or null for a leaf.</param>
/// <param name="Node">The variable's node title: its name, or <c>#</c> and its id for an unnamed value.</param>
/// <param name="Derivative">d_out, ∂out/∂variable, in round-trip form.</param>
/// <param name="Terms">One term per input, in argument order; empty for a leaf.</param>
internal sealed record BackwardStepView(string? Operation, string Node, string Derivative, TermView[] Terms)
{
    /// <summary>Every step of the backward pass from <paramref name="output"/>, in the engine's order.</summary>
    /// <param name="output">The expression's output.</param>
    /// <returns>The steps; operations are numbered as the graph numbers them, in the same topological order.</returns>
    public static BackwardStepView[] Walk(Scalar output)
    {
        var steps = new List<BackwardStepView>();
        var operation = 0;
        foreach (var step in BackwardTrace.Of(output))
        {
            var op = step.IsLeaf ? null : Invariant($"Op {operation++}");
            TermView[] terms =
            [
                .. step.Terms.Select(t => new TermView(GraphExport.NodeTitle(t.Input), Text(t.LocalDerivative), Text(t.Share), t.IsPassedOn)),
            ];
            steps.Add(new BackwardStepView(op, GraphExport.NodeTitle(step.Scalar), Text(step.Derivative), terms));
        }

        return [.. steps];
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One term of the chain rule: what an operation's result passes to one input.</summary>
/// <param name="Input">The input's node title.</param>
/// <param name="Local">The local derivative ∂result/∂input.</param>
/// <param name="Share">d_out · local, added to what the input has collected.</param>
/// <param name="PassedOn">False for a constant, which collects nothing.</param>
internal sealed record TermView(string Input, string Local, string Share, bool PassedOn);
