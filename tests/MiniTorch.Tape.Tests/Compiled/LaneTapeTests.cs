using System.Globalization;
using CsCheck;

namespace MiniTorch.Tests;

/// <summary>
/// <see cref="LaneTape"/>: a tape compiled for 2, 4 or 8 points at once replays, in every lane, exactly what the graph
/// engine computes at that lane's point, every value and gradient, for random programs over the ten built-in functions
/// (in loops or written out, whole or cut into chunks) and for the training network; its gradient sums add the lanes
/// in point order.
/// </summary>
[Trait("Task", "1.4")]
public sealed class LaneTapeTests
{
    private const int InputCount = 3;

    public static TheoryData<int> Widths => [.. LaneVector.Widths];

    [Theory]
    [MemberData(nameof(Widths))]
    public void Every_lane_of_a_random_program_is_bit_identical_to_the_graph_engine_at_its_point(int lanes) =>
        Gen.Select(RandomPrograms.Instructions(withUserFunction: false).Array[1, 40], Gen.Double[-3.0, 3.0].Array[InputCount].Array[lanes + 1], Gen.Double[-2.0, 2.0].Array[lanes], Gen.Int[1, 6], Gen.Bool).Sample(
            (program, points, dOutputs, stepsPerChunk, straight) =>
            {
                var recorded = RandomPrograms.Build(program, points[lanes], out var recordedLeaves);
                var tape = MiniTorch.Tape.Record(recorded[^1], recordedLeaves);
                var code = new CompiledTapeCode(tape.Steps, 0, tape.StepCount, tape.Shape, LaneVector.Of(lanes), stepsPerChunk, straight ? int.MaxValue : 2);
                var replay = new LaneTape(code, tape);
                for (var lane = 0; lane < lanes; lane++)
                {
                    for (var i = 0; i < InputCount; i++)
                    {
                        replay.SetInput(i, lane, points[lane][i]);
                    }
                }

                replay.Forward();
                for (var lane = 0; lane < lanes; lane++)
                {
                    replay.StartBackward(lane, dOutputs[lane]);
                }

                replay.Backward();
                var onTape = new HashSet<IVariable>(Autodiff.TopologicalSort(recorded[^1]));
                for (var lane = 0; lane < lanes; lane++)
                {
                    var expected = RandomPrograms.Build(program, points[lane], out var leaves);
                    expected[^1].Backward(dOutputs[lane]);
                    for (var n = 0; n < recorded.Count; n++)
                    {
                        if (onTape.Contains(recorded[n]))
                        {
                            BitAssert.Identical(expected[n].Data, replay.ValueAt(tape.SlotOf(recorded[n]), lane), Where(lane, $"value {n}"));
                        }
                    }

                    for (var i = 0; i < InputCount; i++)
                    {
                        BitAssert.Identical(leaves[i].Derivative ?? 0.0, replay.GradientAt(i, lane), Where(lane, $"gradient {i}"));
                    }
                }
            },
            iter: 200);

    [Theory]
    [MemberData(nameof(Widths))]
    public void The_training_networks_tape_replays_each_lanes_point_and_sums_its_gradients_in_point_order(int lanes)
    {
        const int hidden = 7;
        var network = new Network(hidden, new SplitMix64(3));
        var x = new[] { new Scalar(0.5, "x0"), new Scalar(-0.25, "x1") };
        var output = network.Call(x);
        Scalar[] inputs = [.. x, .. network.Parameters().Select(p => p.Value)];
        var interpreted = MiniTorch.Tape.Record(output, inputs);
        var code = new CompiledTapeCode(interpreted.Steps, 0, interpreted.StepCount, interpreted.Shape, LaneVector.Of(lanes));
        var replay = new LaneTape(code, interpreted);
        replay.SetInputsOfEveryLane(2, interpreted.Inputs[2..].ToArray());
        var random = new Random(lanes);
        var expectedSums = new double[inputs.Length - 2];
        var sums = new double[inputs.Length - 2];
        for (var batch = 0; batch < 3; batch++)
        {
            var points = batch == 2 ? lanes - 1 : lanes;
            for (var lane = 0; lane < lanes; lane++)
            {
                replay.SetInput(0, lane, (4.0 * random.NextDouble()) - 2.0);
                replay.SetInput(1, lane, (4.0 * random.NextDouble()) - 2.0);
            }

            replay.Forward();
            for (var lane = 0; lane < lanes; lane++)
            {
                replay.StartBackward(lane, lane - 1.5);
            }

            replay.Backward();
            for (var lane = 0; lane < lanes; lane++)
            {
                interpreted.Inputs[0] = replay.ValueAt(0, lane);
                interpreted.Inputs[1] = replay.ValueAt(1, lane);
                interpreted.Forward();
                interpreted.Backward(lane - 1.5);
                for (var slot = 0; slot < interpreted.SlotCount; slot++)
                {
                    BitAssert.Identical(interpreted.ValueAt(slot), replay.ValueAt(slot, lane), Where(lane, $"value of slot {slot}"));
                }

                for (var i = 0; i < inputs.Length; i++)
                {
                    BitAssert.Identical(interpreted.Gradients[i], replay.GradientAt(i, lane), Where(lane, $"gradient {i}"));
                }

                if (lane < points)
                {
                    interpreted.AddGradientsTo(expectedSums, firstInput: 2);
                }
            }

            replay.AddGradientsTo(sums, firstInput: 2, points);
            BitAssert.Identical(expectedSums, sums, $"sums after batch {batch}");
        }

        Assert.True(code.LoopCount > 0, "no loops");
    }

    private static string Where(int lane, string what) => string.Create(CultureInfo.InvariantCulture, $"lane {lane}, {what}");
}
