using System.Globalization;
using MiniTorch.Functions;

namespace MiniTorch.Tests;

/// <summary>
/// Task 1.4: each function's <c>Backward</c> alone, against dOutput times the central difference of its own
/// <c>Forward</c>: at points away from kinks and poles, with values of dOutput other than 1, so that a missing factor
/// shows and the failure names the function.
/// </summary>
[Trait("Task", "1.4")]
public sealed class FunctionBackwardTests
{
    private static readonly double[] Douts = [2.5, -0.75];

    public static TheoryData<string> Functions => ["Add", "Mul", "Neg", "Inv", "Log", "Exp", "Sigmoid", "Relu", "Lt", "Eq"];

    [Theory]
    [MemberData(nameof(Functions))]
    public void Each_functions_backward_is_dOutput_times_its_derivative(string function)
    {
        switch (function)
        {
            case "Add": Check<Add>([3.0, -2.0], [0.5, 4.0]); break;
            case "Mul": Check<Mul>([3.0, -2.0], [-1.5, 4.0]); break;
            case "Neg": Check<Neg>([3.0], [-0.7]); break;
            case "Inv": Check<Inv>([2.0], [-0.5]); break;
            case "Log": Check<Log>([2.0], [0.3]); break;
            case "Exp": Check<Exp>([1.2], [-0.8]); break;
            case "Sigmoid": Check<Sigmoid>([0.7], [-1.5]); break;
            case "Relu": Check<Relu>([1.3], [-0.8]); break;
            case "Lt": Check<Lt>([1.0, 2.0], [3.0, -1.0]); break;
            case "Eq": Check<Eq>([1.0, 2.0], [3.0, -1.0]); break;
            default: throw new ArgumentException($"no points for {function}", nameof(function));
        }
    }

    private static void Check<TFunction>(params double[][] points)
        where TFunction : IScalarFunction
    {
        foreach (var point in points)
        {
            var locals = Enumerable.Range(0, point.Length)
                .Select(i => Autodiff.CentralDifference(x => TFunction.Forward(new Context(), x), point, i))
                .ToArray();
            foreach (var d in Douts)
            {
                var ctx = new Context();
                TFunction.Forward(ctx, point);
                var dInputs = new double[TFunction.Arity];
                TFunction.Backward(ctx, d, dInputs);
                for (var i = 0; i < point.Length; i++)
                {
                    var expected = d * locals[i];
                    Assert.True(
                        Math.Abs(dInputs[i] - expected) <= 1e-4 * (1.0 + Math.Abs(expected)),
                        Explain(TFunction.Name, point, d, i, locals, dInputs[i]));
                }
            }
        }
    }

    // What went wrong, in the terms of the function's summary: the share it should write and a guess at the mistake.
    private static string Explain(string name, double[] point, double d, int i, double[] locals, double actual)
    {
        string[] names = ["a", "b"];
        var at = string.Join(", ", point.Select((v, k) => Invariant($"{names[k]} = {v}")));
        var expected = d * locals[i];
        var head = Invariant($"{name}.Backward at {at} with dOutput = {d}: dInputs[{i}], the share of {names[i]}, should be dOutput · ∂f/∂{names[i]} = {d} · {Round(locals[i])} = {Round(expected)} (∂f/∂{names[i]} by the central difference of {name}.Forward), but it is {Round(actual)}.");
        bool Near(double value) => Math.Abs(actual - value) <= 1e-4 * (1.0 + Math.Abs(value));
        var guess = Near(locals[i]) ? " That is ∂f/∂" + names[i] + " alone: multiply it by dOutput."
            : Near(-expected) ? " That has the wrong sign."
            : actual == 0.0 ? " Nothing was written to dInputs[" + i.ToString(CultureInfo.InvariantCulture) + "]."
            : point.Length == 2 && Near(d * locals[1 - i]) ? " That is the share of the other input: dInputs[i] belongs to input i."
            : $" Check the derivative in the summary of {name}, and that Backward reads what Forward saved in ctx.";
        return head + guess;
    }

    private static double Round(double value) => Math.Round(value, 6);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
