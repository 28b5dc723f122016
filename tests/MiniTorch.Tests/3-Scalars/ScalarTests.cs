using CsCheck;

namespace MiniTorch.Tests;

/// <summary>Task 1.2: scalars compute the same values as plain arithmetic and record the reference's graph shapes.</summary>
[Trait("Task", "1.2")]
public sealed class ScalarTests
{
    private static readonly Gen<double> Small = Gen.Double[-100.0, 100.0];

    [Theory]
    [MemberData(nameof(TestFunctions.OneArgumentNames), MemberType = typeof(TestFunctions))]
    public void One_argument_functions_match_plain_arithmetic(string name)
    {
        var (onScalars, onDoubles) = TestFunctions.OneArgument[name];
        Small.Sample(a => SameValue(onDoubles(a), onScalars(new Scalar(a)).Data));
    }

    [Theory]
    [MemberData(nameof(TestFunctions.TwoArgumentNames), MemberType = typeof(TestFunctions))]
    public void Two_argument_functions_match_plain_arithmetic(string name)
    {
        var (onScalars, onDoubles) = TestFunctions.TwoArgument[name];
        Gen.Select(Small, Small).Sample((a, b) => SameValue(onDoubles(a, b), onScalars(new Scalar(a), new Scalar(b)).Data));
    }

    [Fact]
    public void Division_by_zero_gives_the_same_infinity_as_plain_arithmetic() =>
        Assert.Equal(double.PositiveInfinity, TestFunctions.OneArgument["inv"].OnScalars(new Scalar(-3.5)).Data);

    // course: omit: tests code the course gives, not a task piece
    [Fact]
    public void A_scalar_prints_with_six_decimals() => Assert.Equal("Scalar(10.000000)", new Scalar(10.0).ToString());

    [Fact]
    public void A_new_scalar_is_a_leaf_named_by_its_id_without_a_derivative()
    {
        var x = new Scalar(1.5);

        Assert.True(x.IsLeaf);
        Assert.False(x.IsConstant);
        Assert.Null(x.Derivative);
        Assert.Null(x.History!.LastFunction);
        Assert.Equal(x.UniqueId.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Name);
        Assert.Equal("x", new Scalar(1.5, "x").Name);
    }

    [Fact]
    public void A_leafs_history_has_no_function_no_context_and_no_inputs()
    {
        var history = new Scalar(2.0).History!;

        Assert.Null(history.LastFunction);
        Assert.Null(history.Context);
        Assert.Empty(history.Inputs);
    }
    // course: end

    [Fact]
    public void Ids_grow_with_creation_order()
    {
        var a = new Scalar(1.0);
        var b = a * 2.0;

        Assert.True(b.UniqueId > a.UniqueId);
    }

    [Fact]
    public void A_plain_number_in_an_operation_becomes_a_constant()
    {
        var x = new Scalar(3.0);
        var y = x * 2.0;

        var constant = y.History!.Inputs[1];
        Assert.True(constant.IsConstant);
        Assert.Null(constant.History);
        Assert.Equal(2.0, constant.Data);
    }

    [Fact]
    public void Subtraction_is_recorded_as_add_of_a_negation()
    {
        var a = new Scalar(5.0);
        var b = new Scalar(3.0);

        var difference = a - b;

        Assert.Equal("Add", difference.History!.LastFunction!.Name);
        Assert.Same(a, difference.History.Inputs[0]);
        Assert.Equal("Neg", difference.History.Inputs[1].History!.LastFunction!.Name);
        Assert.Equal(2.0, difference.Data);
    }

    [Fact]
    public void Division_is_recorded_as_mul_of_an_inverse()
    {
        var quotient = 1.0 / new Scalar(4.0);

        Assert.Equal("Mul", quotient.History!.LastFunction!.Name);
        Assert.True(quotient.History.Inputs[0].IsConstant);
        Assert.Equal("Inv", quotient.History.Inputs[1].History!.LastFunction!.Name);
        Assert.Equal(0.25, quotient.Data);
    }

    [Fact]
    public void A_constant_can_stand_on_the_left_of_a_subtraction() =>
        Assert.Equal(-2.0, (1.0 - new Scalar(3.0)).Data);

    [Fact]
    public void Greater_than_is_recorded_as_less_than_with_swapped_arguments()
    {
        var a = new Scalar(2.0);
        var b = new Scalar(1.0);

        var greater = a > b;

        Assert.Equal(1.0, greater.Data);
        Assert.Equal("Lt", greater.History!.LastFunction!.Name);
        Assert.Same(b, greater.History.Inputs[0]);
        Assert.Equal(0.0, (a < b).Data);
    }

    [Fact]
    public void Eq_is_a_differentiable_number_while_double_equals_is_identity()
    {
        var a = new Scalar(2.0);
        var b = new Scalar(2.0);

        Assert.Equal(1.0, a.Eq(b).Data);
        Assert.False(a.Equals(b));
        Assert.Equal(2, new HashSet<Scalar> { a, b, a }.Count);
    }

    [Fact]
    public void Operations_on_constants_alone_fold_into_a_constant() =>
        Assert.True((Scalar.Constant(2.0) * Scalar.Constant(3.0)).IsConstant);

    // course: omit: tests code the course gives, not a task piece
    [Fact]
    public void Apply_checks_the_number_of_inputs()
    {
        var error = Assert.Throws<ArgumentException>(() => Scalar.Apply<MiniTorch.Functions.Mul>(new Scalar(1.0)));
        Assert.Contains("Mul takes 2 input(s), but 1 were given", error.Message, StringComparison.Ordinal);
    }
    // course: end

    [Fact]
    public void The_history_holds_the_handle_of_the_function_that_computed_the_scalar()
    {
        var (a, b, c) = (new Scalar(2.0), new Scalar(3.0), new Scalar(4.0));

        var fused = Scalar.Apply<MulAdd>(a, b, c);

        Assert.Same(FunctionHandle.Of<MiniTorch.Functions.Mul>(), (a * b).History!.LastFunction);
        Assert.Same(FunctionHandle.Of<MiniTorch.Functions.Relu>(), a.Relu().History!.LastFunction);
        Assert.Same(FunctionHandle.Of<MulAdd>(), fused.History!.LastFunction);
        Assert.Equal([a, b, c], fused.History.Inputs);
        Assert.Equal(10.0, fused.Data);
    }

    // course: omit: tests code the course gives, not a task piece
    [Fact]
    public void Apply_rejects_a_missing_input_for_any_number_of_inputs()
    {
        var x = new Scalar(1.0);

        Assert.Throws<ArgumentNullException>(() => Scalar.Apply<MiniTorch.Functions.Neg>((Scalar)null!));
        Assert.Throws<ArgumentNullException>(() => Scalar.Apply<MiniTorch.Functions.Mul>(x, null!));
        Assert.Throws<ArgumentNullException>(() => Scalar.Apply<MulAdd>(x, x, null!));
    }

    [Fact]
    public void A_function_of_three_constants_gives_a_constant() =>
        Assert.True(Scalar.Apply<MulAdd>(Scalar.Constant(1.0), Scalar.Constant(2.0), Scalar.Constant(3.0)).IsConstant);

    [Fact]
    public void The_context_keeps_what_forward_saved_and_nothing_under_no_grad()
    {
        var context = new Context();
        context.SaveForBackward(1.0, 2.0, 3.0);
        context.SaveForBackward(4.0);
        var idle = new Context(noGrad: true);
        idle.SaveForBackward(1.0);

        Assert.Equal([4.0], context.SavedValues.ToArray());
        Assert.Equal(0, idle.SavedValues.Length);
    }
    // course: end

    /// <summary>Close within 10⁻² as in the reference, or the very same value (so that ∞ = ∞ at a pole).</summary>
    private static bool SameValue(double expected, double actual) =>
        expected.Equals(actual) || Operators.IsClose(expected, actual);
}
