using static MiniTorch.Operators;

namespace MiniTorch.Tests;

/// <summary>Task 1.1: the numerical derivative.</summary>
[Trait("Task", "1.1")]
public sealed class CentralDifferenceTests
{
    [Fact]
    public void The_derivative_of_id_is_one() =>
        Expect.Close(1.0, Autodiff.CentralDifference(x => Id(x[0]), [5.0]), "the central difference of id at 5");

    [Fact]
    public void Each_argument_of_add_has_derivative_one()
    {
        Expect.Close(1.0, Autodiff.CentralDifference(x => Add(x[0], x[1]), [5.0, 10.0], arg: 0), "∂(x + y)/∂x at (5, 10), arg 0,");
        Expect.Close(1.0, Autodiff.CentralDifference(x => Add(x[0], x[1]), [5.0, 10.0], arg: 1), "∂(x + y)/∂y at (5, 10), arg 1,");
    }

    [Fact]
    public void Each_argument_of_mul_has_the_other_as_derivative()
    {
        Expect.Close(10.0, Autodiff.CentralDifference(x => Mul(x[0], x[1]), [5.0, 10.0], arg: 0), "∂(x · y)/∂x at (5, 10), arg 0,");
        Expect.Close(5.0, Autodiff.CentralDifference(x => Mul(x[0], x[1]), [5.0, 10.0], arg: 1), "∂(x · y)/∂y at (5, 10), arg 1,");
    }

    [Fact]
    public void The_derivative_of_exp_is_exp() =>
        Expect.Close(Math.Exp(2.0), Autodiff.CentralDifference(x => Exp(x[0]), [2.0]), "the central difference of exp at 2");

    [Fact]
    public void It_works_on_scalars_and_leaves_them_unchanged()
    {
        Scalar[] point = [new(5.0), new(10.0)];

        // The product of the data, not of the scalars: Task 1.1 comes before the Scalar operators of Task 1.2.
        var slope = Scalar.CentralDifference(x => Scalar.Constant(x[0].Data * x[1].Data), point, arg: 1);

        Expect.Close(5.0, slope, "∂(x · y)/∂y on scalars at (5, 10)");
        Assert.True(point[1].Data == 10.0 && point[1].Derivative is null, "the scalars passed in should keep their value and get no derivative");
    }

    [Fact]
    public void It_does_not_change_the_point()
    {
        double[] point = [1.0, 2.0];

        Autodiff.CentralDifference(x => x[0] * x[1], point, arg: 0);

        Assert.True(point is [1.0, 2.0], "CentralDifference should move a copy of the point, not the point itself: it changed to [" + string.Join(", ", point) + "]");
    }

    [Fact]
    public void An_argument_index_outside_the_point_is_rejected() =>
        Expect.Throws<ArgumentOutOfRangeException>(() => Autodiff.CentralDifference(x => x[0], [1.0], arg: 1), "CentralDifference with arg 1 for a point of one value");
}
