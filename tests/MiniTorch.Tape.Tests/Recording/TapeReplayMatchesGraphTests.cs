using CsCheck;

namespace MiniTorch.Tests;

/// <summary>
/// For random programs over all eleven built-in functions (plus subtraction, division, folded constants, sums of
/// products and a user-defined function), with shared subexpressions, a tape recorded at one point and replayed at another gives
/// exactly what the graph engine computes at the other point: every value and every gradient, bit for bit.
/// </summary>
[Trait("Task", "1.4")]
public sealed class TapeReplayMatchesGraphTests
{
    private const int InputCount = 3;

    private static readonly Gen<Instruction> Instructions =
        Gen.Select(Gen.Int[0, 17], Gen.Int[0, 999], Gen.Int[0, 999], Gen.Int[0, 999], Gen.Double[-3.0, 3.0])
            .Select((op, a, b, c, value) => new Instruction(op, a, b, c, value));

    private static readonly Gen<double[]> Point = Gen.Double[-3.0, 3.0].Array[InputCount];

    [Fact]
    public void Replay_is_bit_identical_to_the_graph_engine_at_new_inputs() => CheckReplay(tape => (tape.Forward, tape.Backward));

    [Fact]
    public void Compiled_replay_in_any_chunk_size_is_bit_identical_to_the_graph_engine_at_new_inputs() =>
        CheckReplay(tape =>
        {
            var compiled = tape.Compile(1 + (tape.NodeCount % 5));
            return (compiled.Forward, compiled.Backward);
        });

    /// <summary>
    /// Records random programs and replays them at other inputs through <paramref name="replayer"/>: forward at given
    /// inputs, then backward from a given derivative; compares with the graph engine.
    /// </summary>
    private static void CheckReplay(Func<MiniTorch.Tape, (Func<ReadOnlySpan<double>, double> Forward, Action<double> Backward)> replayer) =>
        Gen.Select(Instructions.Array[1, 40], Point, Point, Gen.Double[-2.0, 2.0]).Sample(
            (program, recordAt, replayAt, dOutput) =>
            {
                var recorded = Build(program, recordAt, out var recordedLeaves);
                var tape = MiniTorch.Tape.Record(recorded[^1], recordedLeaves);
                var (forward, backward) = replayer(tape);

                var expected = Build(program, replayAt, out var leaves);
                expected[^1].Backward(dOutput);
                BitAssert.Identical(expected[^1].Data, forward(replayAt), "returned output");
                backward(dOutput);

                BitAssert.Identical(expected[^1].Data, tape.Output, "output");
                var onTape = new HashSet<IVariable>(Autodiff.TopologicalSort(recorded[^1]));
                for (var n = 0; n < recorded.Count; n++)
                {
                    if (onTape.Contains(recorded[n]))
                    {
                        BitAssert.Identical(expected[n].Data, tape.ValueAt(tape.SlotOf(recorded[n])), $"value {n}");
                    }
                }

                for (var i = 0; i < InputCount; i++)
                {
                    BitAssert.Identical(leaves[i].Derivative ?? 0.0, tape.Gradients[i], $"gradient {i}");
                }
            },
            iter: 300);

    /// <summary>Runs the program on new leaves; returns every value it made, the leaves first and the output last.</summary>
    private static List<Scalar> Build(Instruction[] program, double[] point, out Scalar[] leaves)
    {
        leaves = Array.ConvertAll(point, Scalar.FromDouble);
        var pool = new List<Scalar>(leaves);
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
                13 => Scalar.Apply<MulAdd>(a, b, Pick(pool, ins.C)),
                14 => a * (Scalar.Constant(ins.Value) + Scalar.Constant(ins.C)),
                15 => a + (b * Pick(pool, ins.C)),
                16 => a.Tanh(),
                _ => (a * b) + Pick(pool, ins.C),
            });
        }

        return pool;
    }

    /// <summary>Half the time one of the four newest values (deep chains), otherwise any value (wide sharing).</summary>
    private static Scalar Pick(List<Scalar> pool, int r) =>
        r < 500 ? pool[pool.Count - 1 - (r % Math.Min(4, pool.Count))] : pool[r % pool.Count];

    /// <summary>One random operation: which one, three operand choices and a constant.</summary>
    public readonly record struct Instruction(int Op, int A, int B, int C, double Value);
}
