using CsCheck;
using MiniTorch.Expressions;

namespace MiniTorch.Tests.Expressions;

/// <summary>
/// Task 1.2: no string makes parsing or evaluation throw anything but <see cref="ExpressionException"/>, and every
/// error names a column inside the input (1 to length + 1, the end of the input).
/// </summary>
[Trait("Task", "1.2")]
public sealed class ExpressionFuzzTests
{
    private static readonly string[] Pieces =
    [
        "x", "y", "_v2", "2", "0.5", ".5", "1e3", "1E-2", "9e999", "e", "+", "-", "*", "/", "<", ">", "==", "=", "(", ")",
        ".", ".log()", ".relu()", "log(", "exp(", "sigmoid(", "relu(", "foo(", " ", "\t", "\n", "é", "\0", "𝑥", "٣",
    ];

    private static readonly Gen<string> AnyCharacters = Gen.Char.Array[0, 40].Select(chars => new string(chars));

    private static readonly Gen<string> Grammarish = Gen.OneOf(Pieces).Array[0, 25].Select(string.Concat);

    private static readonly Gen<string> Mutated = Gen.Select(RandomExpression.Any, Gen.Int, (expression, seed) =>
        Mutate(expression.Text, new Random(seed)));

    [Fact]
    public void Random_strings_raise_only_expression_errors_inside_the_input() =>
        Gen.Frequency((1, AnyCharacters), (2, Grammarish)).Sample(Survives, iter: 10_000);

    [Fact]
    public void Mutated_expressions_raise_only_expression_errors_inside_the_input() =>
        Mutated.Sample(Survives, iter: 10_000);

    private static void Survives(string text)
    {
        try
        {
            var expression = Expression.Parse(text);
            var values = expression.Variables.Where((_, i) => i < 2).ToDictionary(v => v.Name, _ => 0.5);
            Evaluation evaluation;
            using (text.Length % 2 == 0 ? Autodiff.DetectAnomalies() : null)
            {
                evaluation = expression.Evaluate(values);
            }

            evaluation.Output.Backward();
        }
        catch (ExpressionException error)
        {
            Assert.InRange(error.Column, 1, text.Length + 1);
            Assert.EndsWith("^", error.FormatWithCaret(), StringComparison.Ordinal);
        }
    }

    private static string Mutate(string text, Random random)
    {
        var chars = text.ToList();
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(chars.Count + 1);
            var piece = Pieces[random.Next(Pieces.Length)];
            switch (random.Next(3))
            {
                case 0 when at < chars.Count:
                    chars.RemoveAt(at);
                    break;
                case 1 when at < chars.Count:
                    chars[at] = piece[0];
                    break;
                default:
                    chars.InsertRange(at, piece);
                    break;
            }
        }

        return new string([.. chars]);
    }
}
