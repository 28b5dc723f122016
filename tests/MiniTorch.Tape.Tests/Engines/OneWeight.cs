namespace MiniTorch.Tests;

/// <summary>σ(x₀ · w), with a second parameter that the output never uses: a parameter without a gradient.</summary>
internal sealed class OneWeight : Module<Scalar[], Scalar>
{
    public OneWeight()
    {
        Weight = AddParameter("weight", 0.75);
        Unused = AddParameter("unused", 0.5);
    }

    public Parameter Weight { get; }

    public Parameter Unused { get; }

    public override Scalar Forward(Scalar[] input) => (input[0] * Weight.Value).Sigmoid();
}
