using System.Globalization;
using MiniTorch.Expressions;

namespace MiniTorch.Web.Expressions;

/// <summary>
/// A computation graph and its backward pass as the page steps through them: the DOT text of the graph with the
/// learner's names (<see cref="ScalarNames"/>), and one step per scalar in the order of <see cref="BackwardTrace"/>,
/// each with its chain rule in words (<see cref="ChainRuleText"/>) and the derivative text of every node it changes.
/// The page draws the graph once and, step by step, highlights nodes and writes these texts; it computes nothing.
/// </summary>
/// <param name="Dot">
/// The graph after the whole pass: every non-constant value has a line with its derivative's final text, padded to the
/// length of its longest text on the way, so that the page can write each step's text in the same place.
/// </param>
/// <param name="Steps">The backward pass, output first; the numbered list beside the graph is this order.</param>
internal sealed record SteppedGraph(string Dot, StepView[] Steps)
{
    /// <summary>What the page writes before a derivative text in a node.</summary>
    public const string DerivativePrefix = "d = ";

    /// <summary>Traces the backward pass from <paramref name="output"/> (with 1 as its derivative) and draws the graph.</summary>
    /// <param name="output">The graph's output; the leaves' derivatives are left as they are.</param>
    /// <param name="names">The names of the graph's scalars.</param>
    /// <param name="leftToRight">Lays the graph out from left to right.</param>
    /// <param name="groupOf">The group (cluster) of each scalar, or null for none.</param>
    /// <param name="collapsed">The groups drawn as one box.</param>
    /// <returns>The graph and its steps.</returns>
    public static SteppedGraph Of(Scalar output, ScalarNames names, bool leftToRight = false, Func<Scalar, string?>? groupOf = null, IReadOnlySet<string>? collapsed = null)
    {
        var trace = BackwardTrace.Of(output);
        var stepOf = trace.ToDictionary<BackwardStep, Scalar>(step => step.Scalar, ReferenceEqualityComparer.Instance);
        var arrivals = new Dictionary<Scalar, int>(ReferenceEqualityComparer.Instance);
        var longest = new Dictionary<Scalar, int>(ReferenceEqualityComparer.Instance);
        var final = new Dictionary<Scalar, string>(ReferenceEqualityComparer.Instance);
        var steps = new StepView[trace.Count];
        for (var k = 0; k < trace.Count; k++)
        {
            var step = trace[k];
            var changed = new List<NodeText>();
            void Write(Scalar scalar, string text)
            {
                changed.Add(new NodeText(names.Key(scalar), text));
                final[scalar] = text;
                longest[scalar] = Math.Max(text.Length, longest.GetValueOrDefault(scalar));
            }

            if (k == 0)
            {
                Write(step.Scalar, ChainRuleText.Sum([], step.Derivative));
            }

            foreach (var term in step.Terms.Where(term => term.IsPassedOn))
            {
                var arrived = arrivals[term.Input] = arrivals.GetValueOrDefault(term.Input) + 1;
                Write(term.Input, ChainRuleText.Sum([.. stepOf[term.Input].Received.Take(arrived)], term.Collected));
            }

            var scalar = step.Scalar;
            steps[k] = new StepView(
                names.Key(scalar),
                step.IsLeaf ? null : "f" + names.Key(scalar)[1..],
                names[scalar],
                groupOf?.Invoke(scalar),
                step.Derivative.ToString("R", CultureInfo.InvariantCulture),
                [.. ChainRuleText.Step(step, names)],
                [.. changed]);
        }

        var dot = GraphExport.ToDot(output, new DotOptions
        {
            LeftToRight = leftToRight,
            Names = names,
            Annotations = final.ToDictionary<KeyValuePair<Scalar, string>, Scalar, string>(
                p => p.Key, p => DerivativePrefix + p.Value.PadRight(longest[p.Key], '\u00a0'), ReferenceEqualityComparer.Instance),
            GroupOf = groupOf,
            Collapsed = collapsed,
        });
        return new SteppedGraph(dot, steps);
    }
}

/// <summary>One step of the backward pass, for the page.</summary>
/// <param name="Node">The key of the scalar's node in the DOT text, for example <c>n4</c>.</param>
/// <param name="Operation">The key of the operation that computed it, <c>f4</c>, or null for a leaf.</param>
/// <param name="Name">The scalar's name, for the numbered list.</param>
/// <param name="Group">Its group (a network's layer), or null.</param>
/// <param name="Derivative">The derivative it has collected, ∂out/∂scalar, in round-trip form.</param>
/// <param name="Rule">The step in words: the chain rule with its numbers, one line each.</param>
/// <param name="Collected">The nodes whose derivative text changes at this step, with their new text.</param>
internal sealed record StepView(string Node, string? Operation, string Name, string? Group, string Derivative, string[] Rule, NodeText[] Collected);

/// <summary>A node's derivative text after a step, such as <c>10 + 6</c>.</summary>
/// <param name="Node">The node's key.</param>
/// <param name="Text">The shares it has received so far and their sum.</param>
internal sealed record NodeText(string Node, string Text);
