using System.Globalization;
using System.Text;

namespace MiniTorch;

/// <summary>
/// Your own points as CSV text: one point a line, <c>x1,x2,label</c>, for training on data of your choosing.
/// </summary>
/// <remarks>
/// <para>
/// The rules: at most <see cref="MaxPoints"/> points, at least one; an optional first line <c>x1,x2,label</c>; blank
/// lines are ignored; a line has at most <see cref="MaxLineLength"/> characters; spaces around a value are allowed;
/// numbers are written with a dot (invariant culture, exponents allowed); a label is <c>0</c> or <c>1</c>.
/// </para>
/// <para>
/// Coordinates must lie in the unit square [0, 1]², where the network's pictures and recommended settings expect the
/// points (the built-in datasets draw theirs there, but for a few points at the ends of Spiral's arms); anything
/// outside, NaN or infinite is rejected, never rescaled, so that a point is where the file says it is.
/// </para>
/// </remarks>
public static class PointsCsv
{
    /// <summary>The most points a file may hold: 1,000.</summary>
    public const int MaxPoints = 1000;

    /// <summary>The most characters a line may hold: a point needs a few dozen, and a runaway line stops here.</summary>
    public const int MaxLineLength = 1000;

    /// <summary>The optional first line.</summary>
    public const string Header = "x1,x2,label";

    /// <summary>Reads a dataset from CSV text.</summary>
    /// <param name="reader">The text; read to its end.</param>
    /// <param name="name">The dataset's name, for example the file's name.</param>
    /// <returns>The points and labels, in the order of the lines.</returns>
    /// <exception cref="PointsCsvException">
    /// The text breaks a rule; <see cref="PointsCsvException.Line"/> is the 1-based line at fault (for a file without
    /// points, the line after the last).
    /// </exception>
    public static Dataset Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(name);
        var points = new List<DataPoint>();
        var labels = new List<int>();
        var lineNumber = 0;
        var headerAllowed = true;
        while (ReadLine(reader, lineNumber + 1) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split(',');
            if (headerAllowed && IsHeader(fields))
            {
                headerAllowed = false;
                continue;
            }

            headerAllowed = false;
            if (points.Count == MaxPoints)
            {
                throw new PointsCsvException(lineNumber, $"more than {MaxPoints} points; a file holds at most {MaxPoints}");
            }

            if (fields.Length != 3)
            {
                throw new PointsCsvException(lineNumber, $"expected 3 values x1,x2,label but found {fields.Length}");
            }

            points.Add(new DataPoint(Coordinate(fields[0], "x1", lineNumber), Coordinate(fields[1], "x2", lineNumber)));
            labels.Add(Label(fields[2], lineNumber));
        }

        if (points.Count == 0)
        {
            throw new PointsCsvException(lineNumber + 1, "no points; expected lines x1,x2,label such as 0.25,0.75,1");
        }

        return new Dataset(name, points, labels);
    }

    // One line, ended by \n, \r\n, \r or the end of the text, refused once it passes MaxLineLength characters, so that
    // text without a line break (a device, a binary file) is never gathered whole; null at the end of the text.
    private static string? ReadLine(TextReader reader, int lineNumber)
    {
        var line = new StringBuilder();
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '\n')
            {
                return line.ToString();
            }

            if (c == '\r')
            {
                if (reader.Peek() == '\n')
                {
                    reader.Read();
                }

                return line.ToString();
            }

            if (line.Length == MaxLineLength)
            {
                throw new PointsCsvException(lineNumber, $"is longer than {MaxLineLength} characters; a line holds one point, x1,x2,label");
            }

            line.Append((char)c);
        }

        return line.Length > 0 ? line.ToString() : null;
    }

    private static bool IsHeader(string[] fields) =>
        string.Equals(string.Join(',', fields.Select(f => f.Trim())), Header, StringComparison.OrdinalIgnoreCase);

    private static double Coordinate(string field, string what, int line)
    {
        var text = field.Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new PointsCsvException(line, $"{what} \"{Shown(text)}\" is not a number; expected a number in [0, 1] such as 0.25");
        }

        if (!(value is >= 0.0 and <= 1.0))
        {
            throw new PointsCsvException(line, $"{what} \"{Shown(text)}\" is outside [0, 1]; points must lie in the unit square and are not rescaled");
        }

        return value;
    }

    private static int Label(string field, int line) => field.Trim() switch
    {
        "0" => 0,
        "1" => 1,
        var text => throw new PointsCsvException(line, $"label \"{Shown(text)}\" must be 0 or 1"),
    };

    // A value as messages quote it: at most 20 characters, so that a runaway line does not flood the message.
    private static string Shown(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
