using System.Globalization;
using System.Reflection;
using System.Reflection.Emit;
using MiniTorch.Functions;

namespace MiniTorch.Tests;

/// <summary>
/// <see cref="LaneFormula"/>: each rule the generated code applies, read from its own IL, computes on vectors of 2, 4
/// and 8 lanes exactly the scalar rule's bits in every lane, at ordinary values and at the awkward ones (±0, ±∞, NaN,
/// the smallest and largest doubles); a rule that calls something the reader does not follow has no formula.
/// </summary>
[Trait("Task", "1.4")]
public sealed class LaneFormulaTests
{
    private static readonly double[] Awkward =
    [
        0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 1e-6, -1e-6, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue,
        double.PositiveInfinity, double.NegativeInfinity, double.NaN, 3.0, 1e300, -1e-300,
    ];

    public static TheoryData<string, int> Rules()
    {
        var data = new TheoryData<string, int>();
        foreach (var rule in ReadableRules())
        {
            foreach (var lanes in LaneVector.Widths)
            {
                data.Add(Describe(rule), lanes);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_rules_formula_gives_the_scalar_rules_bits_in_every_lane(string name, int lanes)
    {
        var rule = ReadableRules().Single(r => Describe(r) == name);
        var arity = rule.GetParameters().Length;
        var lanewise = Compile(LaneFormula.Of(rule)!, LaneVector.Of(lanes), arity);
        var random = new Random(lanes);
        var arguments = new double[arity][];
        for (var round = 0; round < 400; round++)
        {
            for (var a = 0; a < arity; a++)
            {
                arguments[a] = [.. Enumerable.Range(0, lanes).Select(_ => random.Next(3) == 0 ? (random.NextDouble() * 8) - 4 : Awkward[random.Next(Awkward.Length)])];
            }

            var actual = lanewise(arguments);
            for (var lane = 0; lane < lanes; lane++)
            {
                var scalar = (double)rule.Invoke(null, [.. arguments.Select(a => (object)a[lane])])!;
                BitAssert.Identical(scalar, actual[lane], string.Create(CultureInfo.InvariantCulture, $"{name}({string.Join(", ", arguments.Select(a => a[lane].ToString("R", CultureInfo.InvariantCulture)))}), lane {lane}"));
            }
        }
    }

    [Fact]
    public void Every_derivative_and_the_arithmetic_operators_are_readable_and_only_exp_log_sigmoid_and_tanh_are_not()
    {
        var unreadable = RuleMethods().Where(rule => LaneFormula.Of(rule) is null).Select(Describe).Order();

        Assert.Equal(["Operators.Exp", "Operators.Log", "Operators.Sigmoid", "Operators.Tanh"], unreadable);
    }

    [Fact]
    public void A_comparison_becomes_a_selection_and_arithmetic_stays_arithmetic()
    {
        Assert.False(LaneFormula.Of(typeof(Relu).GetMethod(nameof(Relu.Back))!)!.IsArithmetic);
        Assert.False(LaneFormula.Of(typeof(Operators).GetMethod(nameof(Operators.Lt))!)!.IsArithmetic);
        Assert.True(LaneFormula.Of(typeof(Sigmoid).GetMethod(nameof(Sigmoid.Back))!)!.IsArithmetic);
        Assert.True(LaneFormula.Of(typeof(Inv).GetMethod(nameof(Inv.Back))!)!.IsArithmetic);
    }

    [Fact]
    public void A_method_that_is_not_a_rule_on_doubles_has_no_formula()
    {
        Assert.Null(LaneFormula.Of(typeof(Math).GetMethod(nameof(Math.Exp))!));
        Assert.Null(LaneFormula.Of(typeof(Operators).GetMethod(nameof(Operators.IsClose))!));
        Assert.Null(LaneFormula.Of(typeof(LaneFormulaTests).GetMethod(nameof(Loop), BindingFlags.NonPublic | BindingFlags.Static)!));
    }

    // A backward branch: a loop, which the reader refuses.
    private static double Loop(double x)
    {
        while (x > 1.0)
        {
            x *= 0.5;
        }

        return x;
    }

    private static IEnumerable<MethodInfo> RuleMethods() =>
        typeof(Add).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Add).Namespace)
            .Select(t => t.GetMethod("Back", BindingFlags.Public | BindingFlags.Static))
            .OfType<MethodInfo>()
            .Concat(typeof(Operators).GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m.ReturnType == typeof(double) && m.GetParameters().All(p => p.ParameterType == typeof(double))));

    private static IEnumerable<MethodInfo> ReadableRules() => RuleMethods().Where(rule => LaneFormula.Of(rule) is not null);

    private static string Describe(MethodInfo rule) => $"{rule.DeclaringType!.Name}.{rule.Name}";

    // The formula emitted on vectors into a method that loads each argument's lanes, applies it and stores the lanes.
    private static Func<double[][], double[]> Compile(LaneFormula formula, LaneVector vector, int arity)
    {
        var method = new DynamicMethod("Formula", typeof(void), [typeof(double[][]), typeof(double[])], typeof(LaneFormulaTests).Module);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Ldc_I4_0);
        il.Emit(OpCodes.Ldelema, typeof(double));
        formula.Emit(il, vector, a =>
        {
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldc_I4, a);
            il.Emit(OpCodes.Ldelem_Ref);
            il.Emit(OpCodes.Ldc_I4_0);
            il.Emit(OpCodes.Ldelema, typeof(double));
            il.Emit(OpCodes.Ldobj, vector.Type);
        });
        il.Emit(OpCodes.Stobj, vector.Type);
        il.Emit(OpCodes.Ret);
        var run = method.CreateDelegate<Action<double[][], double[]>>();
        return arguments =>
        {
            Assert.Equal(arity, arguments.Length);
            var result = new double[vector.Lanes];
            run(arguments, result);
            return result;
        };
    }
}
