using System.Reflection;
using System.Runtime.ExceptionServices;

namespace MiniTorch.Tests;

/// <summary>
/// Task 0.2, checked: each property test of <see cref="OperatorPropertiesTests"/> passes with the real operators and
/// fails with a broken one (<see cref="OperatorMutant"/>). A test with an empty body passes on its own; here it catches
/// nothing.
/// </summary>
[Trait("Task", "0.2")]
[Trait("Kind", "mutant")]
public sealed class OperatorPropertiesMutantTests
{
    // A property test draws random values, so a test that checks the right thing can miss a broken operator once in a
    // while; it must miss it on every attempt to count as not catching it.
    private const int Attempts = 3;

    public static TheoryData<string> Tests => [.. OperatorMutant.All.Select(m => m.CaughtBy)];

    [Theory]
    [MemberData(nameof(Tests))]
    public void Each_property_test_fails_on_its_broken_operator(string test)
    {
        var mutant = OperatorMutant.All.Single(m => m.CaughtBy == test);
        var method = typeof(OperatorPropertiesTests).GetMethod(test);
        Assert.True(method is not null, $"OperatorPropertiesTests has no test named {test}: keep the names of the tests you are given.");

        if (Run(method) is { } failure)
        {
            Assert.Fail($"{test} fails with the real operators, so its failing on {mutant.Description} proves nothing. Make it pass first: {failure.Message}");
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            Exception? caught = null;
            OperatorsUnderTest.With(mutant, () => caught = Run(method));
            if (caught is not null)
            {
                return;
            }
        }

        Assert.Fail($"{test} passed with {mutant.Description}: a test of what its name says fails there. Write one that does: {mutant.Hint}.");
    }

    // Runs one test; returns its failure, or null when it passed. A blank (NotImplementedException, perhaps inside
    // CsCheck's report of a failing sample) fails this check as it is, so that it names the task to do.
    private static Exception? Run(MethodInfo test)
    {
        try
        {
            test.Invoke(new OperatorPropertiesTests(), null);
            return null;
        }
        catch (TargetInvocationException error)
        {
            for (var cause = error.InnerException; cause is not null; cause = cause.InnerException)
            {
                if (cause is NotImplementedException blank)
                {
                    ExceptionDispatchInfo.Capture(blank).Throw();
                }
            }

            return error.InnerException;
        }
    }
}
