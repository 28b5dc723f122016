namespace MiniTorch.Tests;

/// <summary>Task 1.4 beyond the reference: opt-in detection of the first NaN or infinity.</summary>
[Trait("Task", "1.4")]
public sealed class AnomalyDetectionTests
{
    [Fact]
    public void Without_detection_the_log_of_a_negative_number_is_nan() =>
        Assert.True(double.IsNaN(new Scalar(-1.0).Log().Data));

    [Fact]
    public void With_detection_a_forward_nan_names_the_function_and_its_inputs()
    {
        using (Autodiff.DetectAnomalies())
        {
            var x = new Scalar(-1.0, "x");

            var error = Assert.Throws<AnomalyException>(() => x.Log());

            Assert.Contains("Log produced NaN from inputs (x = -1)", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void With_detection_a_backward_infinity_names_the_function()
    {
        using (Autodiff.DetectAnomalies())
        {
            var y = new Scalar(1.0, "x") * 10.0;

            var error = Assert.Throws<AnomalyException>(() => y.Backward(1e308));

            Assert.Contains("Mul backward produced a non-finite derivative", error.Message, StringComparison.Ordinal);
            Assert.Contains("x = 1", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unnamed_values_are_named_by_id_with_a_hash_and_constants_as_constant()
    {
        using (Autodiff.DetectAnomalies())
        {
            var leaf = new Scalar(-1.0);
            var computed = leaf * 2.0;

            var forward = Assert.Throws<AnomalyException>(() => computed.Log());
            var withConstant = Assert.Throws<AnomalyException>(() => new Scalar(1.0, "x") / Scalar.Constant(0.0));

            Assert.Contains($"Log produced NaN from inputs (#{computed.UniqueId} = -2)", forward.Message, StringComparison.Ordinal);
            Assert.Contains("Inv produced Infinity from inputs (constant = 0)", withConstant.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unnamed_leaves_in_a_backward_anomaly_are_named_by_id_with_a_hash()
    {
        using (Autodiff.DetectAnomalies())
        {
            var leaf = new Scalar(1.0);
            var y = leaf * 10.0;

            var error = Assert.Throws<AnomalyException>(() => y.Backward(1e308));

            Assert.Contains($"for inputs (#{leaf.UniqueId} = 1, constant = 10)", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Detection_ends_with_its_scope()
    {
        using (Autodiff.DetectAnomalies())
        {
            Assert.True(Autodiff.IsDetectingAnomalies);
        }

        Assert.False(Autodiff.IsDetectingAnomalies);
        Assert.True(double.IsInfinity((1.0 / Scalar.Constant(0.0)).Data));
    }

    [Fact]
    public void Scopes_disposed_out_of_order_detect_until_the_last_is_disposed_and_then_never_again()
    {
        var outer = Autodiff.DetectAnomalies();
        var inner = Autodiff.DetectAnomalies();

        outer.Dispose();
        var afterOuter = Autodiff.IsDetectingAnomalies;
        inner.Dispose();
        var afterBoth = Autodiff.IsDetectingAnomalies;
        var whileAnotherThreadDetects = WhileAnotherThreadDetects(() => Autodiff.IsDetectingAnomalies);

        Assert.True(afterOuter);
        Assert.False(afterBoth);
        Assert.False(whileAnotherThreadDetects);
    }

    [Fact]
    public void A_scope_on_another_thread_does_not_make_this_one_detect()
    {
        var detecting = WhileAnotherThreadDetects(() => Autodiff.IsDetectingAnomalies);
        var logOfNegative = WhileAnotherThreadDetects(() => new Scalar(-1.0).Log().Data);

        Assert.False(detecting);
        Assert.True(double.IsNaN(logOfNegative));
    }

    [Fact]
    public void A_scope_disposed_on_another_thread_ends_detection_where_it_was_opened()
    {
        var scope = Autodiff.DetectAnomalies();
        var before = Autodiff.IsDetectingAnomalies;

        var other = new Thread(scope.Dispose);
        other.Start();
        other.Join();

        Assert.True(before);
        Assert.False(Autodiff.IsDetectingAnomalies);
    }

    // Runs `read` on this thread while another thread holds a detection scope open.
    private static T WhileAnotherThreadDetects<T>(Func<T> read)
    {
        using var opened = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var other = new Thread(() =>
        {
            using (Autodiff.DetectAnomalies())
            {
                opened.Set();
                release.Wait();
            }
        });
        other.Start();
        opened.Wait();
        try
        {
            return read();
        }
        finally
        {
            release.Set();
            other.Join();
        }
    }
}
