namespace MiniTorch.Tests;

/// <summary>
/// A deliberately broken operator, and the property test of Task 0.2 that must fail on it: the broken operator keeps
/// every property but the one that test checks, so only a test that really checks it catches the mistake.
/// </summary>
/// <param name="CaughtBy">The name of the test in <see cref="OperatorPropertiesTests"/> that must fail on it.</param>
/// <param name="Description">What is broken, as the failure message says it.</param>
/// <param name="Hint">What a test that catches it does.</param>
public sealed record OperatorMutant(string CaughtBy, string Description, string Hint)
{
    public Func<double, double>? Sigmoid { get; init; }

    public Func<double, double, double>? Mul { get; init; }

    public Func<double, double, double>? Lt { get; init; }

    public Func<double, double, double>? Max { get; init; }

    public Func<double, double, double>? ReluBack { get; init; }

    /// <summary>One broken operator for each property test, the given example first.</summary>
    public static IReadOnlyList<OperatorMutant> All { get; } =
    [
        new("Sigmoid_lies_between_zero_and_one", "a Sigmoid that is a straight line, 0.5 + x/4",
            "it compares Sigmoid(x) with 0 and 1 for many x")
        {
            Sigmoid = x => 0.5 + (x / 4.0),
        },
        new("One_minus_sigmoid_is_sigmoid_of_the_negation", "a Sigmoid ten times flatter for positive x, σ(x/10) for x > 0",
            "it compares 1 − Sigmoid(x) with Sigmoid(−x) for many x, positive and negative")
        {
            Sigmoid = x => Operators.Sigmoid(x > 0 ? x / 10.0 : x),
        },
        new("Sigmoid_of_zero_is_one_half", "a Sigmoid shifted to the left, σ(x + 1)",
            "it compares Sigmoid(0) with 0.5")
        {
            Sigmoid = x => Operators.Sigmoid(x + 1.0),
        },
        new("Sigmoid_is_strictly_increasing", "a Sigmoid with its sign flipped, σ(−x), which decreases",
            "it checks Sigmoid(x) < Sigmoid(y) for x < y, where the doubles can tell the two apart")
        {
            Sigmoid = x => Operators.Sigmoid(-x),
        },
        new("Lt_is_transitive", "an Lt that goes round like a clock: 1 when b is less than 100 above a, or more than 100 below it",
            "for many a, b, c where Lt(a, b) and Lt(b, c) are 1, it checks that Lt(a, c) is 1")
        {
            Lt = (a, b) => b - a is > 0.0 and < 100.0 or < -100.0 ? 1.0 : 0.0,
        },
        new("Mul_is_symmetric", "a Mul that adds its first argument, x · y + x",
            "it compares Mul(x, y) with Mul(y, x) for many x and y")
        {
            Mul = (x, y) => (x * y) + x,
        },
        new("Mul_distributes_over_add", "a Mul that is off by one, x · y + 1",
            "it compares Mul(z, Add(x, y)) with Add(Mul(z, x), Mul(z, y)) for many x, y, z")
        {
            Mul = (x, y) => (x * y) + 1.0,
        },
        new("Max_is_the_larger_argument", "a Max that returns the smaller argument",
            "it checks that Max(x, y) is x or y and at least both, for many x and y")
        {
            Max = (x, y) => x < y ? x : y,
        },
        new("Relu_back_passes_d_above_zero_and_nothing_at_or_below_it", "a ReluBack that passes d at exactly 0 too (x ≥ 0)",
            "besides random x, it checks ReluBack(0, d) itself, the one point where the broken operator differs")
        {
            ReluBack = (x, d) => x >= 0.0 ? d : 0.0,
        },
    ];
}
