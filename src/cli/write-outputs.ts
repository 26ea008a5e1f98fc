/** Writing a command's output files: create the folder, then write every file atomically. */
import { makeDir } from '../io/make-dir.js';
import { CliError, ExitCode } from '../errors.js';
import { AtomicWriteError, writeFilesAtomic, type AtomicWriteFile } from '../io/atomic-write.js';

/** Create `outDir` and write `files` all-or-nothing; failures become exit code 5 with a hint. */
export async function writeOutputs(outDir: string, files: AtomicWriteFile[]): Promise<void> {
  try {
    await makeDir(outDir);
  } catch (error) {
    throw new CliError(`Could not create the output folder ${outDir} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, ExitCode.OUTPUT, 'Choose another folder with --out DIR.');
  }
  try {
    await writeFilesAtomic(files);
  } catch (error) {
    if (error instanceof AtomicWriteError) {
      throw new CliError(error.message, ExitCode.OUTPUT, 'Check that the output folder can be written to, or choose another with --out DIR.');
    }
    throw error;
  }
}
