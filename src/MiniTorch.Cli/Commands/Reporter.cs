namespace MiniTorch.Cli.Commands;

/// <summary>
/// A progress report that runs an action at once, on the reporting thread (<see cref="Progress{T}"/> would post it
/// to another thread later): the training's log lines in order, and a drawing stopped at its next row.
/// </summary>
/// <typeparam name="T">What is reported.</typeparam>
/// <param name="report">What to do with each report.</param>
internal sealed class Reporter<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc/>
    public void Report(T value) => report(value);
}
