using System.Globalization;
using CsCheck;

namespace MiniTorch.Tests.Expressions;

/// <summary>
/// A random expression, generated twice over: as text with as few parentheses as the precedence rules allow, and as
/// the C# Scalar code that computes the same thing.
/// </summary>
/// <param name="Text">The expression as a user would type it.</param>
/// <param name="Level">How tightly its outermost operator binds: 0 comparison, 1 + -, 2 * /, 3 unary -, 4 atom or call.</param>
/// <param name="Build">Builds the same expression from the leaves for x, y and z with the Scalar operators.</param>
public sealed record RandomExpression(string Text, int Level, Func<Scalar[], Scalar> Build)
{
    /// <summary>The variable names the generated expressions use, in leaf order.</summary>
    public static readonly string[] Names = ["x", "y", "z"];

    private static readonly Gen<RandomExpression> Number = Gen.Frequency(
        (3, Gen.Int[0, 20].Select(i => (double)i)),
        (3, Gen.Double[0.0, 100.0]),
        (1, Gen.Double[1e-7, 1e-3])).Select(v =>
            new RandomExpression(v.ToString("R", CultureInfo.InvariantCulture), 4, _ => Scalar.Constant(v)));

    private static readonly Gen<RandomExpression> Variable = Gen.Int[0, Names.Length - 1].Select(i =>
        new RandomExpression(Names[i], 4, leaves => leaves[i]));

    private static readonly Gen<RandomExpression> Leaf = Gen.Frequency((1, Number), (2, Variable));

    /// <summary>Expressions up to six operators deep, using every operator, both call styles and optional spaces.</summary>
    public static Gen<RandomExpression> Any { get; } = Deepen(Leaf, 6);

    private static Gen<RandomExpression> Deepen(Gen<RandomExpression> leaf, int depth)
    {
        var gen = leaf;
        for (var i = 0; i < depth; i++)
        {
            var sub = gen;
            gen = Gen.Frequency(
                (2, leaf),
                (1, sub.Select(Negate)),
                (2, Gen.Select(sub, Gen.Int[0, 3], Gen.Bool, Call)),
                (5, Gen.Select(sub, sub, Gen.Int[0, 6], Gen.Bool, Binary)));
        }

        return gen;
    }

    private static RandomExpression Negate(RandomExpression a) =>
        new("-" + a.Wrap(3), 3, leaves => -a.Build(leaves));

    private static RandomExpression Call(RandomExpression a, int function, bool methodStyle)
    {
        var name = new[] { "log", "exp", "sigmoid", "relu" }[function];
        Func<Scalar, Scalar> apply = function switch
        {
            0 => s => s.Log(),
            1 => s => s.Exp(),
            2 => s => s.Sigmoid(),
            _ => s => s.Relu(),
        };
        var text = methodStyle ? $"{a.Wrap(4)}.{name}()" : $"{name}({a.Text})";
        return new RandomExpression(text, 4, leaves => apply(a.Build(leaves)));
    }

    private static RandomExpression Binary(RandomExpression a, RandomExpression b, int op, bool spaced)
    {
        var (symbol, level, apply) = op switch
        {
            0 => ("+", 1, (Func<Scalar, Scalar, Scalar>)((l, r) => l + r)),
            1 => ("-", 1, (l, r) => l - r),
            2 => ("*", 2, (l, r) => l * r),
            3 => ("/", 2, (l, r) => l / r),
            4 => ("<", 0, (l, r) => l < r),
            5 => (">", 0, (l, r) => l > r),
            _ => ("==", 0, (l, r) => l.Eq(r)),
        };

        // Left-associative levels need parentheses only on the right; comparisons do not chain, so both sides need them.
        var left = a.Wrap(level == 0 ? 1 : level);
        var right = b.Wrap(level + 1);
        var gap = spaced ? " " : string.Empty;
        return new RandomExpression($"{left}{gap}{symbol}{gap}{right}", level, leaves => apply(a.Build(leaves), b.Build(leaves)));
    }

    private string Wrap(int level) => Level >= level ? Text : $"({Text})";
}
