using System.Text;

namespace MiniTorch.Cli;

/// <summary>
/// A standard stream as the commands see it: writes go to the real writer, and a write that fails (a full disk, a
/// closed pipe) becomes a <see cref="BrokenOutputException"/> naming the stream, so that one place can turn it into
/// an exit code.
/// </summary>
internal sealed class GuardedWriter : TextWriter
{
    private readonly string _stream;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The real writer.</param>
    /// <param name="stream">What it is, for the message: <c>standard output</c> or <c>standard error</c>.</param>
    public GuardedWriter(TextWriter inner, string stream)
        : base(inner.FormatProvider)
    {
        Inner = inner;
        _stream = stream;
        NewLine = inner.NewLine;
    }

    /// <summary>The real writer, for example <see cref="Console.Out"/>.</summary>
    public TextWriter Inner { get; }

    /// <inheritdoc/>
    public override Encoding Encoding => Inner.Encoding;

    /// <summary>The real writer behind <paramref name="writer"/> if it is guarded, else <paramref name="writer"/> itself.</summary>
    /// <param name="writer">A writer.</param>
    /// <returns>The writer the text ends up in.</returns>
    public static TextWriter Unwrap(TextWriter writer) => writer is GuardedWriter guarded ? guarded.Inner : writer;

    /// <inheritdoc/>
    public override void Write(char value) => Guard(() => Inner.Write(value));

    /// <inheritdoc/>
    public override void Write(string? value) => Guard(() => Inner.Write(value));

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Guard(() => Inner.Write(buffer, index, count));

    /// <inheritdoc/>
    public override void WriteLine() => Guard(Inner.WriteLine);

    /// <inheritdoc/>
    public override void WriteLine(string? value) => Guard(() => Inner.WriteLine(value));

    /// <inheritdoc/>
    public override void Flush() => Guard(Inner.Flush);

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception problem) when (problem is IOException or ObjectDisposedException)
        {
            throw new BrokenOutputException(_stream, problem);
        }
    }
}
