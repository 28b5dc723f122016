using CsCheck;

namespace MiniTorch.Tests;

/// <summary>
/// Task 1.4: the topological sort alone. Any order in which every variable comes before the variables it was computed
/// from is right; the tests check that property rather than one order.
/// </summary>
[Trait("Task", "1.4")]
public sealed class TopologicalSortTests
{
    [Fact]
    public void Every_variable_comes_before_the_variables_it_was_computed_from()
    {
        // x reaches the output along two paths of unequal length: directly through a, and through b = 3a.
        var x = new Scalar(1.0, "x");
        var a = x * 2.0;
        var b = a * 3.0;
        var output = a + b;
        var names = new Dictionary<IVariable, string> { [x] = "x", [a] = "a = x · 2", [b] = "b = a · 3", [output] = "out = a + b" };

        CheckOrder(output, Autodiff.TopologicalSort(output), names);
    }

    [Fact]
    public void Random_graphs_are_sorted_with_every_variable_once() =>
        Gen.Int.Sample(seed =>
        {
            var (_, output) = RandomScalarGraphs.Build(seed, 0.5, -1.0, 2.0);

            CheckOrder(output, Autodiff.TopologicalSort(output), new Dictionary<IVariable, string>());
        });

    [Fact]
    public void Constants_are_left_out()
    {
        var x = new Scalar(2.0, "x");
        var y = (x * 3.0) + 1.0;

        var order = Autodiff.TopologicalSort(y);

        Assert.True(order.All(v => !v.IsConstant), "the order lists a constant: constants never receive a derivative, leave them out");
        Assert.Equal(3, order.Count);
    }

    [Fact]
    public void The_sort_of_a_leaf_is_the_leaf_and_of_a_constant_nothing()
    {
        var x = new Scalar(1.0, "x");

        Assert.Equal<IVariable>([x], Autodiff.TopologicalSort(x));
        Assert.Empty(Autodiff.TopologicalSort(Scalar.Constant(1.0)));
    }

    [Fact]
    public void Variables_are_told_apart_by_their_ids_not_by_the_objects_that_stand_for_them()
    {
        // A variable type whose Parents makes new objects on every call, as a view over another graph may: x is reached
        // along two paths as two different objects with the same id, and must be listed once.
        var x = new Scalar(1.0, "x");
        var a = x * 2.0;
        var output = a + (a * 3.0);

        var order = Autodiff.TopologicalSort(new View(output));

        var ids = order.Select(v => v.UniqueId).ToList();
        Assert.True(ids.Distinct().Count() == ids.Count, $"the order lists ids [{string.Join(", ", ids)}]: a variable reached along two paths must be listed once, by its UniqueId");
        Assert.Equal(4, ids.Count);
    }

    // The order must hold the output first, every non-constant variable that the output depends on exactly once, and
    // each variable before every one of its parents.
    private static void CheckOrder(IVariable output, IReadOnlyList<IVariable> order, Dictionary<IVariable, string> names)
    {
        string Name(IVariable v) => names.TryGetValue(v, out var name) ? name : $"the variable with id {v.UniqueId}";

        Assert.True(order.Count > 0 && ReferenceEquals(order[0], output), $"the order should start with the output, {Name(output)}");
        var position = new Dictionary<IVariable, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < order.Count; i++)
        {
            Assert.True(position.TryAdd(order[i], i), $"{Name(order[i])} is listed twice, at {position.GetValueOrDefault(order[i])} and {i}: list each variable once, however many paths lead to it");
        }

        foreach (var variable in Reachable(output))
        {
            Assert.True(position.ContainsKey(variable), $"{Name(variable)} is missing from the order, though the output depends on it");
            foreach (var parent in variable.Parents.Where(p => !p.IsConstant))
            {
                Assert.True(
                    position[parent] > position[variable],
                    $"{Name(variable)} was computed from {Name(parent)}, so it must come before it, but the order has {Name(parent)} at {position[parent]} and {Name(variable)} at {position[variable]}. "
                    + "A breadth-first walk lists a variable as soon as the first variable that uses it is reached; it must wait until every variable that uses it is listed (a depth-first walk that adds a variable after all its parents, then reversed, does that).");
            }
        }
    }

    // The non-constant variables the output depends on, found without the code under test.
    private static HashSet<IVariable> Reachable(IVariable output)
    {
        var seen = new HashSet<IVariable>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<IVariable>([output]);
        while (pending.TryPop(out var variable))
        {
            if (!variable.IsConstant && seen.Add(variable))
            {
                foreach (var parent in variable.Parents)
                {
                    pending.Push(parent);
                }
            }
        }

        return seen;
    }

    // A view of a scalar that makes a new view of each input whenever it is asked for its parents.
    private sealed class View(Scalar scalar) : IVariable
    {
        public long UniqueId => scalar.UniqueId;

        public bool IsLeaf => scalar.IsLeaf;

        public bool IsConstant => scalar.IsConstant;

        public IReadOnlyList<IVariable> Parents => [.. (scalar.History?.Inputs ?? []).Select(input => new View(input))];

        public (IVariable Variable, double Derivative)[] ChainRule(double dOutput) => throw new NotSupportedException("only sorted here");

        public void AccumulateDerivative(double x) => throw new NotSupportedException("only sorted here");
    }
}
