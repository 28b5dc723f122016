using CsCheck;

namespace MiniTorch.Tests;

/// <summary>Task 0.4: the module tree, its dotted parameter names, and train/eval propagation.</summary>
[Trait("Task", "0.4")]
public sealed class ModuleTests
{
    [Fact]
    public void Named_parameters_are_own_first_then_each_child_with_a_dotted_prefix()
    {
        var names = new Outer().NamedParameters().Select(p => p.Key);

        Assert.Equal(["p1", "a.p2", "b.c.p3"], names);
    }

    [Fact]
    public void Parameters_include_every_descendant_and_modules_only_direct_children()
    {
        var outer = new Outer();

        Assert.Equal(3, outer.Parameters().Count);
        Assert.Equal(2, outer.Modules().Count);
        Assert.Single(outer.GetModule("b").Modules());
    }

    [Fact]
    public void Extra_parameters_add_to_the_count_of_a_nested_module() =>
        Gen.Int[0, 20].Sample(extra =>
        {
            var module = new TwoParametersOneChild();
            for (var i = 0; i < extra; i++)
            {
                module.AddParameter($"extra{i}", i);
            }

            Assert.Equal(extra + 3, module.Parameters().Count);
            Assert.Equal(extra + 2, module.NamedParameters().Count(p => !p.Key.Contains('.', StringComparison.Ordinal)));
        });

    // course: omit: tests code the course gives, not a task piece
    [Fact]
    public void Parameters_keep_their_values_and_are_found_by_dotted_path()
    {
        var outer = new Outer();

        Assert.Equal(3.0, outer.GetParameter("b.c.p3").Value.Data);
        Assert.Equal("p3", outer.GetParameter("b.c.p3").Name);
    }
    // course: end

    [Fact]
    public void Train_and_eval_reach_every_descendant()
    {
        var outer = new Outer();
        IEnumerable<Module> All() => [outer, outer.GetModule("a"), outer.GetModule("b"), outer.GetModule("b.c")];

        Assert.All(All(), m => Assert.True(m.Training));
        outer.Eval();
        Assert.All(All(), m => Assert.False(m.Training));
        outer.Train();
        Assert.All(All(), m => Assert.True(m.Training));
    }

    [Fact]
    public void Eval_on_a_child_leaves_the_parent_alone()
    {
        var outer = new Outer();
        outer.GetModule("b").Eval();

        Assert.True(outer.Training);
        Assert.False(outer.GetModule("b.c").Training);
    }

    // course: omit: tests code the course gives, not a task piece
    [Fact]
    public void Calling_a_module_runs_its_forward()
    {
        var doubler = new Doubler();

        Assert.Equal(10.0, doubler.Call(5.0).Data);
    }

    [Fact]
    public void Calling_a_module_without_forward_fails_clearly()
    {
        var error = Assert.Throws<NotSupportedException>(() => new NoForward().Call(1.0));
        Assert.Contains("NoForward has no Forward", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_name_is_rejected_with_its_name()
    {
        var module = new Module();
        module.AddParameter("w", 1.0);

        var error = Assert.Throws<ArgumentException>(() => module.AddModule("w", new Module()));
        Assert.Contains("'w'", error.Message, StringComparison.Ordinal);
    }
    // course: end

    [Fact]
    public void Asking_for_a_missing_parameter_or_child_names_it()
    {
        var outer = new Outer();

        var missingParameter = Assert.Throws<KeyNotFoundException>(() => outer.GetParameter("a.nope"));
        var missingChild = Assert.Throws<KeyNotFoundException>(() => outer.GetModule("b.x"));

        Assert.Contains("'a.nope'", missingParameter.Message, StringComparison.Ordinal);
        Assert.Contains("'x'", missingChild.Message, StringComparison.Ordinal);
        Assert.Contains("Children: c", missingChild.Message, StringComparison.Ordinal);
    }

    // course: omit: tests code the course gives, not a task piece
    [Fact]
    public void Printing_shows_the_tree_pytorch_style() =>
        Assert.Equal("Outer(\n  (a): Inner()\n  (b): Middle(\n    (c): Inner()\n  )\n)", new Outer().ToString());

    [Fact]
    public void A_parameter_is_made_from_a_number_and_updated_with_a_new_value()
    {
        var parameter = new Parameter(5);
        parameter.Update(new Scalar(7.0));

        Assert.Equal(7.0, parameter.Value.Data);
        Assert.True(parameter.Value.IsLeaf);
    }
    // course: end

    private sealed class Inner : Module
    {
        public Inner(string name, double value) => AddParameter(name, value);
    }

    private sealed class Middle : Module
    {
        public Middle() => AddModule("c", new Inner("p3", 3.0));
    }

    private sealed class Outer : Module
    {
        public Outer()
        {
            AddParameter("p1", 1.0);
            AddModule("a", new Inner("p2", 2.0));
            AddModule("b", new Middle());
        }
    }

    private sealed class TwoParametersOneChild : Module
    {
        public TwoParametersOneChild()
        {
            AddParameter("p1", 5.0);
            AddParameter("p2", 10.0);
            AddModule("child", new Inner("p3", 1.0));
        }
    }

    // course: omit: tests code the course gives, not a task piece
    private sealed class Doubler : Module<Scalar, Scalar>
    {
        public override Scalar Forward(Scalar input) => input * 2.0;
    }

    private sealed class NoForward : Module<Scalar, Scalar>;
    // course: end
}
