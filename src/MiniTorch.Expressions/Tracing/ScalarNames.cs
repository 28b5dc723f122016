using System.Globalization;

namespace MiniTorch.Expressions;

/// <summary>
/// Names for every scalar of a graph, as a learner would write them: a leaf by its name, a constant by its value, and
/// a computed scalar by its expression text (<c>x * x</c>, <c>relu(v2)</c>) while that is at most
/// <see cref="MaxTextLength"/> characters, else <c>v1</c>, <c>v2</c>, … in the order the scalars were created. No name
/// depends on the process-wide <see cref="Scalar.UniqueId"/>, so the same expression is named the same way every time.
/// </summary>
/// <remarks>
/// Each scalar also gets a <see cref="Key"/>, <c>n0</c>, <c>n1</c>, … in creation order, that identifies it in a
/// drawing (<see cref="GraphExport.ToDot"/> with <see cref="DotOptions.Names"/>) and in the steps shown beside it. The
/// walk over the graph is iterative.
/// </remarks>
public sealed class ScalarNames
{
    /// <summary>The longest expression text used as a name; a longer one becomes <c>v1</c>, <c>v2</c>, ….</summary>
    public const int MaxTextLength = 20;

    private readonly Dictionary<Scalar, (string Name, int Precedence, int Index)> _entries;

    private ScalarNames(Dictionary<Scalar, (string Name, int Precedence, int Index)> entries, IReadOnlyList<Scalar> scalars)
    {
        _entries = entries;
        Scalars = scalars;
    }

    /// <summary>Every scalar of the graph, constants included, in the order they were created (inputs before results).</summary>
    public IReadOnlyList<Scalar> Scalars { get; }

    /// <summary>The name of a scalar of the graph.</summary>
    /// <param name="scalar">The scalar.</param>
    /// <returns>Its name.</returns>
    /// <exception cref="KeyNotFoundException">The scalar is not part of the graph.</exception>
    public string this[Scalar scalar] => Entry(scalar).Name;

    /// <summary>Names the scalars of the graph that computed <paramref name="output"/>.</summary>
    /// <param name="output">The graph's output.</param>
    /// <param name="leafNames">
    /// Names for some leaves (for example a network's parameters by dotted name), used instead of the leaves' own; a leaf
    /// with neither gets a <c>v</c> name.
    /// </param>
    /// <returns>The names.</returns>
    public static ScalarNames Of(Scalar output, IReadOnlyDictionary<Scalar, string>? leafNames = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var scalars = Reachable(output);
        scalars.Sort((a, b) => a.UniqueId.CompareTo(b.UniqueId));
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scalar in scalars.Where(s => s.IsLeaf))
        {
            if (GivenName(scalar, leafNames) is { } given)
            {
                taken.Add(given);
            }
        }

        var entries = new Dictionary<Scalar, (string, int, int)>(ReferenceEqualityComparer.Instance);
        var counter = 0;
        string NextV()
        {
            string name;
            do
            {
                name = string.Create(CultureInfo.InvariantCulture, $"v{++counter}");
            }
            while (taken.Contains(name));
            return name;
        }

        for (var index = 0; index < scalars.Count; index++)
        {
            var scalar = scalars[index];
            (string, int) named = scalar switch
            {
                { IsConstant: true } => (ShownNumber.Of(scalar.Data), double.IsNegative(scalar.Data) ? FunctionNotation.Unary : FunctionNotation.Atom),
                { IsLeaf: true } => (GivenName(scalar, leafNames) ?? NextV(), FunctionNotation.Atom),
                _ => Composed(scalar, entries, NextV),
            };
            entries.Add(scalar, (named.Item1, named.Item2, index));
        }

        return new ScalarNames(entries, scalars);
    }

    /// <summary>The key of a scalar in a drawing: <c>n</c> and its place in <see cref="Scalars"/>.</summary>
    /// <param name="scalar">A scalar of the graph.</param>
    /// <returns>The key, for example <c>n3</c>.</returns>
    /// <exception cref="KeyNotFoundException">The scalar is not part of the graph.</exception>
    public string Key(Scalar scalar) => string.Create(CultureInfo.InvariantCulture, $"n{Entry(scalar).Index}");

    /// <summary>Whether the scalar is part of the graph.</summary>
    /// <param name="scalar">Any scalar.</param>
    /// <returns>True when it has a name here.</returns>
    public bool Contains(Scalar scalar) => _entries.ContainsKey(scalar);

    /// <summary>
    /// The name as an operand of a product or a quotient: in parentheses when it is expression text that is not a
    /// single atom, as in <c>1 × (x * x)</c>.
    /// </summary>
    /// <param name="scalar">A scalar of the graph.</param>
    /// <returns>The name, in parentheses where needed.</returns>
    public string AsFactor(Scalar scalar)
    {
        var (name, precedence, _) = Entry(scalar);
        return precedence < FunctionNotation.Atom ? $"({name})" : name;
    }

    private (string Name, int Precedence, int Index) Entry(Scalar scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        return _entries.TryGetValue(scalar, out var entry)
            ? entry
            : throw new KeyNotFoundException($"Scalar {scalar} is not part of the graph these names were made for.");
    }

    private static string? GivenName(Scalar leaf, IReadOnlyDictionary<Scalar, string>? leafNames)
    {
        if (leafNames is not null && leafNames.TryGetValue(leaf, out var name))
        {
            return name;
        }

        // A leaf created without a name is named by its id, which is not a name a learner gave.
        return leaf.Name == leaf.UniqueId.ToString(CultureInfo.InvariantCulture) ? null : leaf.Name;
    }

    private static (string, int) Composed(Scalar scalar, Dictionary<Scalar, (string Name, int Precedence, int Index)> entries, Func<string> nextV)
    {
        var history = scalar.History!;
        var notation = FunctionNotation.Of(history.LastFunction!);
        var text = notation.Write([.. history.Inputs.Select(input => (entries[input].Name, entries[input].Precedence))]);
        return text.Length <= MaxTextLength ? (text, notation.Precedence) : (nextV(), FunctionNotation.Atom);
    }

    private static List<Scalar> Reachable(Scalar output)
    {
        var seen = new HashSet<Scalar>(ReferenceEqualityComparer.Instance) { output };
        var pending = new Stack<Scalar>();
        pending.Push(output);
        var all = new List<Scalar>();
        while (pending.TryPop(out var scalar))
        {
            all.Add(scalar);
            foreach (var input in scalar.History?.Inputs ?? [])
            {
                if (seen.Add(input))
                {
                    pending.Push(input);
                }
            }
        }

        return all;
    }
}
