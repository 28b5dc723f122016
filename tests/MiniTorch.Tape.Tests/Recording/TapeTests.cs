namespace MiniTorch.Tests;

/// <summary>The tape engine: recording, replay, user-defined functions and the errors of misuse.</summary>
[Trait("Task", "1.4")]
public sealed class TapeTests
{
    [Fact]
    public void Recording_keeps_the_graph_values_and_backward_works_before_any_replay()
    {
        var x = new Scalar(2.0);
        var y = new Scalar(3.0);
        var z = (x * y) + x.Exp();

        var tape = MiniTorch.Tape.Record(z, x, y);
        tape.Backward();
        z.Backward();

        Assert.Equal(z.Data, tape.Output);
        Assert.Equal(x.Derivative, tape.Gradients[0]);
        Assert.Equal(y.Derivative, tape.Gradients[1]);
        Assert.Equal(2, tape.InputCount);
        Assert.Equal(3, tape.NodeCount);
    }

    [Fact]
    public void Replay_at_new_inputs_equals_the_graph_built_there()
    {
        static Scalar F(Scalar[] v) => (v[0] * v[1]).Sigmoid() - (v[0] / v[1]).Relu() + (v[1] + 0.5).Log();

        var tape = MiniTorch.Tape.Record(F, 1.5, 2.5);
        var x = new Scalar(-0.7);
        var y = new Scalar(4.2);
        var z = F([x, y]);
        z.Backward(3.0);

        Assert.Equal(z.Data, tape.Forward([-0.7, 4.2]));
        tape.Backward(3.0);
        Assert.Equal([x.Derivative!.Value, y.Derivative!.Value], tape.Gradients.ToArray());
    }

    [Fact]
    public void Contributions_are_added_newest_sender_first_like_the_graph_engine()
    {
        // Summed oldest first, 1 + 1e16 − 1e16 would be 0; newest first it is 1.
        var x = new Scalar(1.0);
        var z = (x * 1.0) + (x * 1e16) + (x * -1e16);
        var tape = MiniTorch.Tape.Record(z, x);

        z.Backward();
        tape.Backward();

        Assert.Equal(1.0, x.Derivative);
        Assert.Equal(1.0, tape.Gradients[0]);
    }

    [Fact]
    public void A_variable_reached_by_paths_of_different_lengths_gets_every_share()
    {
        var tape = MiniTorch.Tape.Record(v => { var a = v[0] * 2.0; var b = a * 3.0; return a + b; }, 1.0);
        tape.Backward();
        Assert.Equal(8.0, tape.Gradients[0]);
    }

    [Fact]
    public void Comparisons_and_relu_are_evaluated_at_replay_time()
    {
        var tape = MiniTorch.Tape.Record(v => (v[0] < v[1]) + v[0].Eq(v[1]) + v[0].Relu(), -1.0, 1.0);

        Assert.Equal(3.0, tape.Forward([2.0, 2.0]));
        tape.Backward();
        Assert.Equal([1.0, 0.0], tape.Gradients.ToArray());
        Assert.Equal(1.0, tape.Forward([-3.0, 1.0]));
        tape.Backward();
        Assert.Equal([0.0, 0.0], tape.Gradients.ToArray());
    }

    [Fact]
    public void Intermediate_values_are_read_through_their_slots()
    {
        var x = new Scalar(1.0);
        var loss = (x * x) + 1.0;
        var scaled = loss / 4.0;
        var tape = MiniTorch.Tape.Record(scaled, x);
        var lossSlot = tape.SlotOf(loss);

        tape.Forward([3.0]);

        Assert.Equal(10.0, tape.ValueAt(lossSlot));
        Assert.Equal(2.5, tape.Output);
        Assert.Equal(0, tape.SlotOf(x));
    }

    [Fact]
    public void Inputs_can_be_set_one_by_one()
    {
        var tape = MiniTorch.Tape.Record(v => v[0] * v[1], 1.0, 1.0);
        tape.Inputs[1] = 5.0;
        Assert.Equal(5.0, tape.Forward());
    }

    [Fact]
    public void Gradients_add_up_into_running_sums()
    {
        var tape = MiniTorch.Tape.Record(
            v =>
            {
                Scalar sum = Scalar.Constant(0.0);
                for (var i = 0; i < v.Length; i++)
                {
                    sum += v[i] * (i + 1.0);
                }

                return sum;
            },
            [.. Enumerable.Range(0, 11).Select(i => (double)i)]);
        tape.Backward();
        var sums = Enumerable.Repeat(0.5, 9).ToArray();

        tape.AddGradientsTo(sums, firstInput: 2);

        Assert.Equal(Enumerable.Range(3, 9).Select(i => i + 0.5), sums);
        Assert.Throws<ArgumentOutOfRangeException>(() => tape.AddGradientsTo(new double[10], firstInput: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => tape.AddGradientsTo(new double[1], firstInput: -1));
    }

    [Fact]
    public void An_input_the_output_does_not_use_gets_gradient_zero()
    {
        var tape = MiniTorch.Tape.Record(v => v[0].Exp(), 1.0, 2.0);
        tape.Backward();
        Assert.Equal(0.0, tape.Gradients[1]);
    }

    [Fact]
    public void An_input_as_output_and_a_constant_output_are_valid_tapes()
    {
        var x = new Scalar(4.0);
        var identity = MiniTorch.Tape.Record(x, x);
        identity.Backward(2.0);
        Assert.Equal(7.0, identity.Forward([7.0]));
        Assert.Equal(2.0, identity.Gradients[0]);

        var constant = MiniTorch.Tape.Record(Scalar.Constant(3.0) * 2.0, x);
        constant.Backward();
        Assert.Equal(6.0, constant.Forward([1.0]));
        Assert.Equal(0.0, constant.Gradients[0]);
    }

    [Fact]
    public void User_defined_functions_replay_through_their_handle()
    {
        static Scalar F(Scalar[] v) => Scalar.Apply<MulAdd>(v[0], v[1] * v[0], v[2]).Sigmoid();

        var tape = MiniTorch.Tape.Record(F, 0.5, -1.0, 2.0);
        var leaves = new Scalar[] { 1.25, 0.75, -3.0 };
        var z = F(leaves);
        z.Backward();

        Assert.Equal(z.Data, tape.Forward([1.25, 0.75, -3.0]));
        tape.Backward();
        Assert.Equal(Array.ConvertAll(leaves, l => l.Derivative!.Value), tape.Gradients.ToArray());
        tape.Verify(F, [2.0, 3.0, 4.0]);
    }

    [Fact]
    public void Verify_passes_at_the_recording_point_for_built_in_functions()
    {
        var tape = MiniTorch.Tape.Record(v => (v[0].Log() / v[1]).Exp() - v[1], 2.0, 3.0);
        tape.Forward([5.0, 6.0]);

        tape.Verify();

        Assert.Equal([2.0, 3.0], tape.Inputs.ToArray());
    }

    [Fact]
    public void Verify_names_a_user_defined_function_that_is_not_deterministic()
    {
        var tape = MiniTorch.Tape.Record(v => Scalar.Apply<Drifting>(v[0]) * 2.0, 1.0);

        var error = Assert.Throws<TapeMismatchException>(tape.Verify);

        Assert.Contains("node 0 = Drifting(input 0)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_detects_a_branch_on_a_value_in_user_code()
    {
        static Scalar F(Scalar[] v) => v[0].Data > 0 ? v[0] * 2.0 : v[0] + 2.0;

        var tape = MiniTorch.Tape.Record(F, 1.0);
        tape.Verify(F, [3.0]);

        var error = Assert.Throws<TapeMismatchException>(() => tape.Verify(F, [-1.0]));
        Assert.Contains("branches on a value", error.Message, StringComparison.Ordinal);
        Assert.Contains("node 0 is Add(input 0, constant 2), where the tape has Mul(input 0, constant 2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_detects_a_constant_that_changed()
    {
        var factor = 2.0;
        Scalar F(Scalar[] v) => v[0] * factor;
        var tape = MiniTorch.Tape.Record(F, 1.0);
        factor = 3.0;

        var error = Assert.Throws<TapeMismatchException>(() => tape.Verify(F, [1.0]));
        Assert.Contains("constant slot 1 is 3, where the tape has 2", error.Message, StringComparison.Ordinal);
    }
}
