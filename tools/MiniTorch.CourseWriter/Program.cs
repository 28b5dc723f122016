using MiniTorch.CourseWriter;

// Writes the course from the marked source, or checks that its tasks go green one at a time.
//   write OUTPUT [--solved-through TASK]   the course, with every task blank (or solved up to TASK)
//   verify FOLDER                          writes, builds and tests the course in FOLDER task by task (CI)
//   mistakes FOLDER                        puts typical mistakes into the finished course, one at a time, and checks
//                                          that its progress table turns the right task red and names the cause (CI)
// Run from the repository (or pass --repository ROOT).
try
{
    var options = Options.Parse(args);
    switch (options.Verb)
    {
        case "write":
            var places = Course.Write(options.Repository, options.Folder, options.SolvedThrough);
            Console.WriteLine($"wrote the course to {options.Folder}: {places.Values.Sum(p => p.Count)} marked files");
            return 0;
        case "verify":
            return CourseVerifier.Run(options.Repository, options.Folder) ? 0 : 1;
        case "mistakes":
            return CourseMistakes.Run(options.Repository, options.Folder) ? 0 : 1;
        default:
            throw new InvalidOperationException($"unknown command '{options.Verb}'; use write, verify or mistakes");
    }
}
catch (Exception error) when (error is InvalidOperationException or ArgumentException)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}
