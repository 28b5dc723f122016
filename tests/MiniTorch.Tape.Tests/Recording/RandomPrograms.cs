using CsCheck;

namespace MiniTorch.Tests;

/// <summary>
/// Random straight-line programs over scalars for the tape's property tests: all eleven built-in functions, subtraction,
/// division, folded constants, sums of products and, when asked, a user-defined function, with shared subexpressions
/// and deep chains.
/// </summary>
internal static class RandomPrograms
{
    // Ops 0 to LastBuiltInOp use the built-in functions (the cases of Run, in order); UserFunctionOp, the one after, a
    // user-defined function.
    private const int LastBuiltInOp = 16;
    private const int UserFunctionOp = LastBuiltInOp + 1;

    /// <summary>Random instructions: ops 0 to 16 use the built-in functions, op 17 a user-defined function.</summary>
    /// <param name="withUserFunction">Whether op 17, a user-defined function, may appear.</param>
    /// <returns>The generator of one instruction.</returns>
    public static Gen<Instruction> Instructions(bool withUserFunction) =>
        Gen.Select(Gen.Int[0, withUserFunction ? UserFunctionOp : LastBuiltInOp], Gen.Int[0, 999], Gen.Int[0, 999], Gen.Int[0, 999], Gen.Double[-3.0, 3.0])
            .Select((op, a, b, c, value) => new Instruction(op, a, b, c, value));

    /// <summary>Runs the program on <paramref name="pool"/>, which starts with its inputs; adds every value it makes, the output last.</summary>
    /// <param name="program">The instructions.</param>
    /// <param name="pool">The values so far: the inputs, then everything computed.</param>
    public static void Run(Instruction[] program, List<Scalar> pool)
    {
        foreach (var ins in program)
        {
            var a = Pick(pool, ins.A);
            var b = Pick(pool, ins.B);
            pool.Add(ins.Op switch
            {
                0 => a + b,
                1 => a * b,
                2 => -a,
                3 => Scalar.Apply<Functions.Inv>(a),
                4 => a.Log(),
                5 => a.Exp(),
                6 => a.Sigmoid(),
                7 => a.Relu(),
                8 => a < b,
                9 => ins.C % 2 == 0 ? a.Eq(a) : a.Eq(b),
                10 => ins.C % 2 == 0 ? a * ins.Value : ins.Value + a,
                11 => a - b,
                12 => a / b,
                13 => a * (Scalar.Constant(ins.Value) + Scalar.Constant(ins.C)),
                14 => a + (b * Pick(pool, ins.C)),
                15 => (a * b) + Pick(pool, ins.C),
                LastBuiltInOp => a.Tanh(),
                UserFunctionOp => Scalar.Apply<MulAdd>(a, b, Pick(pool, ins.C)),
                _ => throw new ArgumentOutOfRangeException(nameof(program), ins.Op, "An instruction's op is 0 to 17."),
            });
        }
    }

    /// <summary>Runs the program on new leaves holding <paramref name="point"/>; returns every value it made, the leaves first and the output last.</summary>
    /// <param name="program">The instructions.</param>
    /// <param name="point">The inputs' values.</param>
    /// <param name="leaves">The new leaves.</param>
    /// <returns>The values.</returns>
    public static List<Scalar> Build(Instruction[] program, double[] point, out Scalar[] leaves)
    {
        leaves = Array.ConvertAll(point, Scalar.FromDouble);
        var pool = new List<Scalar>(leaves);
        Run(program, pool);
        return pool;
    }

    /// <summary>Half the time one of the four newest values (deep chains), otherwise any value (wide sharing).</summary>
    private static Scalar Pick(List<Scalar> pool, int r) =>
        r < 500 ? pool[pool.Count - 1 - (r % Math.Min(4, pool.Count))] : pool[r % pool.Count];

    /// <summary>One random operation: which one, three operand choices and a constant.</summary>
    public readonly record struct Instruction(int Op, int A, int B, int C, double Value);
}
