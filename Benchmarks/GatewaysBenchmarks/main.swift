import Foundation

exit(runBenchmarks(arguments: Array(CommandLine.arguments.dropFirst())))
