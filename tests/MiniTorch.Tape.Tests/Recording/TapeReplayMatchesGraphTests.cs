using CsCheck;

namespace MiniTorch.Tests;

/// <summary>
/// For random programs over all ten built-in functions (plus subtraction, division, folded constants, sums of
/// products and a user-defined function), with shared subexpressions, a tape recorded at one point and replayed at another gives
/// exactly what the graph engine computes at the other point: every value and every gradient, bit for bit.
/// </summary>
[Trait("Task", "1.4")]
public sealed class TapeReplayMatchesGraphTests
{
    private const int InputCount = 3;

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
        Gen.Select(RandomPrograms.Instructions(withUserFunction: true).Array[1, 40], Point, Point, Gen.Double[-2.0, 2.0]).Sample(
            (program, recordAt, replayAt, dOutput) =>
            {
                var recorded = RandomPrograms.Build(program, recordAt, out var recordedLeaves);
                var tape = MiniTorch.Tape.Record(recorded[^1], recordedLeaves);
                var (forward, backward) = replayer(tape);

                var expected = RandomPrograms.Build(program, replayAt, out var leaves);
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
}
