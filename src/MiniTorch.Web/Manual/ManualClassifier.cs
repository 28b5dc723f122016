namespace MiniTorch.Web.Manual;

/// <summary>
/// MiniTorch's Task 0.5 model (<c>run_manual.py</c>'s <c>Network</c>): one <see cref="ManualLinear"/>(2, 1), named
/// <c>linear</c>, then the sigmoid, out = σ(w₁·x₁ + w₂·x₂ + b), with its three parameters set by hand
/// (<c>linear.weight_0_0</c> = w₁, <c>linear.weight_1_0</c> = w₂, <c>linear.bias_0</c> = b). It says class 1 where
/// out &gt; ½, that is on the side of the line w₁·x₁ + w₂·x₂ + b = 0 that (w₁, w₂) points to. Everything it computes
/// comes from Module 0: the operators (Task 0.1) and the module's parameters by name (Task 0.4).
/// </summary>
internal sealed class ManualClassifier : Module<double[], double>
{
    /// <summary>The dotted name of w₁, the weight of x₁.</summary>
    public const string Weight1 = "linear.weight_0_0";

    /// <summary>The dotted name of w₂, the weight of x₂.</summary>
    public const string Weight2 = "linear.weight_1_0";

    /// <summary>The dotted name of b, the bias.</summary>
    public const string Bias = "linear.bias_0";

    private readonly ManualLinear _linear;

    /// <summary>Creates the classifier with the given parameters.</summary>
    /// <param name="w1">w₁.</param>
    /// <param name="w2">w₂.</param>
    /// <param name="b">b.</param>
    public ManualClassifier(double w1, double w2, double b)
    {
        _linear = AddModule("linear", new ManualLinear(2, 1));
        GetParameter(Weight1).Update(new Scalar(w1));
        GetParameter(Weight2).Update(new Scalar(w2));
        GetParameter(Bias).Update(new Scalar(b));
    }

    /// <summary>The probability of class 1 at the point (x₁, x₂): σ of the linear layer's one output.</summary>
    /// <param name="input">x₁ and x₂.</param>
    /// <returns>A number in [0, 1].</returns>
    public override double Forward(double[] input) => Operators.Sigmoid(_linear.Call(input)[0]);

    /// <summary>
    /// The total loss and the correct count over <paramref name="data"/>, as a training epoch measures them
    /// (<see cref="ScalarEngine.RunEpoch"/>): per point p = out for class 1 and 1 − out for class 0, loss −log(p), and a
    /// point is correct when <see cref="Predictions.IsCorrect"/> says so (out = ½ exactly is wrong). Computed with the
    /// operators on doubles, in the order the graph engine's scalars compute them, so the same parameters give the same
    /// bits.
    /// </summary>
    /// <param name="data">The points.</param>
    /// <returns>The sum of the points' losses and the number of points right.</returns>
    public EpochTotals Measure(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var totalLoss = 0.0;
        var correct = 0;
        for (var k = 0; k < data.Count; k++)
        {
            var output = Call([data.Points[k].X1, data.Points[k].X2]);
            var label = data.Labels[k];
            var probability = label == 1 ? output : Operators.Add(Operators.Neg(output), 1.0);
            totalLoss += Operators.Neg(Operators.Log(probability));
            correct += Predictions.IsCorrect(output, label) ? 1 : 0;
        }

        return new EpochTotals(totalLoss, correct);
    }
}
