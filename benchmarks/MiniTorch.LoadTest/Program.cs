// The load test of the sandbox (dotnet run -c Release --project benchmarks/MiniTorch.LoadTest [-- CLIENTS [ABANDONED]]),
// on servers at free loopback ports, in three parts; bounded: the run is cancelled after twenty minutes.
// 1. Many clients at once (20 by default, the cap raised to match), each creating an Xor training with the page's
//    defaults, watching its event stream to the final event and resetting it, twice: every final loss is checked
//    against the library's, failed requests are counted, and the server's managed memory after the first round is
//    compared with that after the second.
// 2. Requests another site's page could make the browser send (refused with 403, nothing started), and a burst of
//    computing requests (the sandbox's longest expressions) while the page is fetched: how many were computed, how many
//    refused with 429, and how long the page took meanwhile.
// 3. Abandoned trainings (100 by default) on a server with the page's limits: heavy ones (hidden 200, 150 points) whose
//    stream is dropped half a second after they start (graph engine) or is held open and never read (tape engine,
//    closed by the write timeout), four clients at a time. It samples how many trainings run and the process's threads
//    and resident memory, times each training from abandoned to stopped, and compares the resident memory after a
//    full GC before and after. It fails if a training ran beyond the cap, one did not stop, or the memory did not come
//    back to within 10% of where it was.
// The servers run in this process, so the memory figures include the clients' (a few MB).
using System.Globalization;
using MiniTorch.LoadTest;

var clients = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var abandoned = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(20));

var trained = await ManyClients.RunAsync(clients, limit.Token);
var refused = await HostileRequests.RunAsync(limit.Token);
var released = await AbandonedTrainings.RunAsync(abandoned, limit.Token);
return trained && refused && released ? 0 : 1;
