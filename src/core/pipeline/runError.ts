// Turning diagnostics and failures into RunErrors, and RunErrors into `file:line:col: message` lines.
import type { DataDiagnostic } from '../data/loadData';
import type { StanDiagnostic } from '../stan/diagnostic';
import type { DataInput, ModelInput, RunError } from './pipelineTypes';

export function modelError(model: ModelInput, d: StanDiagnostic): RunError {
  return { source: 'model', file: model.path, severity: d.severity === 'error' ? 'error' : 'warning', code: d.code, message: d.message, span: d.span };
}

export function dataError(model: ModelInput, data: DataInput, d: DataDiagnostic): RunError {
  const inData = d.file === 'data';
  return {
    source: inData ? 'data' : 'model', file: inData ? data.path : model.path,
    severity: d.severity === 'error' ? 'error' : 'warning', code: d.code, message: d.message, span: d.span,
  };
}

export function engineError(message: string, code = 'engine'): RunError {
  return { source: 'engine', file: null, severity: 'error', code, message, span: null };
}

export function formatRunError(e: RunError): string {
  const where = e.file ? (e.span ? `${e.file}:${e.span.start.line}:${e.span.start.col}: ` : `${e.file}: `) : '';
  return `${where}${e.severity}: ${e.message}`;
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
