using MiniTorch.Progress;

namespace MiniTorch.CourseWriter;

/// <summary>Builds a project or the solution of a written course, as the checks need it.</summary>
internal static class CourseBuild
{
    /// <summary>Runs <c>dotnet build</c> in the course.</summary>
    /// <param name="course">The course's folder.</param>
    /// <param name="project">The project or solution, from the course's root.</param>
    /// <param name="properties">More arguments, such as <c>-p:RunAnalyzers=false</c>.</param>
    /// <exception cref="InvalidOperationException">The build failed; the message holds its output.</exception>
    public static void Run(string course, string project, params string[] properties)
    {
        var (exitCode, output) = DotnetCommand.Run(["build", project, "-nologo", "-clp:ErrorsOnly", .. properties], course);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The course does not build ({project}):\n{output}");
        }
    }
}
