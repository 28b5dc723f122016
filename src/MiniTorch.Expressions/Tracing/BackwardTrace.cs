namespace MiniTorch.Expressions;

/// <summary>
/// The backward pass of a Scalar graph one step at a time, for showing the chain rule at work: the steps
/// <see cref="Autodiff.Backpropagate"/> takes, in its order, recorded while it runs.
/// </summary>
/// <remarks>
/// The walk is the library's own: <see cref="Autodiff.Backpropagate"/> runs on a stand-in for each scalar, an
/// <see cref="IVariable"/> that answers for the scalar and notes what the walk asks of it: the derivative a computed
/// scalar splits with <see cref="IVariable.ChainRule"/>, and the derivative a leaf would receive. Nothing changes: the
/// leaves' own derivatives are left as they were.
/// </remarks>
public static class BackwardTrace
{
    /// <summary>Records the backward pass from <paramref name="output"/>.</summary>
    /// <param name="output">The scalar to differentiate.</param>
    /// <param name="dOutput">The derivative to start from, 1 by default.</param>
    /// <returns>One step per scalar of <see cref="Autodiff.TopologicalSort"/>, output first; none for a constant.</returns>
    public static IReadOnlyList<BackwardStep> Of(Scalar output, double dOutput = 1.0)
    {
        ArgumentNullException.ThrowIfNull(output);
        var recorder = new Recorder();
        Autodiff.Backpropagate(recorder.StandIn(output), dOutput);
        return recorder.Steps;
    }

    private sealed class Recorder
    {
        private readonly Dictionary<Scalar, StandInVariable> _standIns = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Scalar, (List<double> Shares, double Sum)> _received = new(ReferenceEqualityComparer.Instance);

        public List<BackwardStep> Steps { get; } = [];

        // Adds a share to what the input has received, as Backpropagate adds it (0 + first + second ...), and returns the sum.
        public double Receive(Scalar input, double share)
        {
            if (!_received.TryGetValue(input, out var received))
            {
                received = ([], 0.0);
            }

            received.Shares.Add(share);
            received.Sum += share;
            _received[input] = received;
            return received.Sum;
        }

        public double[] ReceivedBy(Scalar scalar) => _received.TryGetValue(scalar, out var received) ? [.. received.Shares] : [];

        public StandInVariable StandIn(Scalar scalar)
        {
            if (!_standIns.TryGetValue(scalar, out var standIn))
            {
                standIn = new StandInVariable(scalar, this);
                _standIns.Add(scalar, standIn);
            }

            return standIn;
        }
    }

    private sealed class StandInVariable(Scalar scalar, Recorder recorder) : IVariable
    {
        public long UniqueId => scalar.UniqueId;

        public bool IsLeaf => scalar.IsLeaf;

        public bool IsConstant => scalar.IsConstant;

        public IReadOnlyList<IVariable> Parents => [.. (scalar.History?.Inputs ?? []).Select(recorder.StandIn)];

        public (IVariable Variable, double Derivative)[] ChainRule(double dOutput)
        {
            var shares = scalar.ChainRule(dOutput);
            var local = scalar.ChainRule(1.0);
            var inputs = scalar.History!.Inputs;
            var terms = new ChainRuleTerm[shares.Length];
            var passed = new (IVariable, double)[shares.Length];
            for (var i = 0; i < terms.Length; i++)
            {
                var collected = inputs[i].IsConstant ? 0.0 : recorder.Receive(inputs[i], shares[i].Derivative);
                terms[i] = new ChainRuleTerm(inputs[i], local[i].Derivative, shares[i].Derivative, collected);
                passed[i] = (recorder.StandIn(inputs[i]), shares[i].Derivative);
            }

            recorder.Steps.Add(new BackwardStep(scalar, dOutput, terms, recorder.ReceivedBy(scalar)));
            return passed;
        }

        public void AccumulateDerivative(double x) => recorder.Steps.Add(new BackwardStep(scalar, x, [], recorder.ReceivedBy(scalar)));
    }
}
