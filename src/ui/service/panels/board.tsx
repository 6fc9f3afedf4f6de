import { useEffect, useRef, useState } from 'preact/hooks';
import type { ServiceBoard } from '../../../contract';
import { SERVO_NAMES, type Rgb, type ServoName } from '../../../contract/motion';
import type { PanelProps } from '../panels';
import { usePoll } from '../use-poll';

/** Slider moves are sent at most this often; the board's speed limit smooths the rest. */
const MOVE_EVERY_MS = 80;
const TEST_COLOURS: Array<[string, Rgb]> = [
  ['red', { r: 255, g: 0, b: 0 }], ['green', { r: 0, g: 255, b: 0 }], ['blue', { r: 0, g: 0, b: 255 }], ['white', { r: 255, g: 255, b: 255 }], ['off', { r: 0, g: 0, b: 0 }],
];

function ServoRow({ servo, board, t, call, onError, onSaved }: PanelProps & { servo: ServoName; board: ServiceBoard; onSaved: (b: ServiceBoard) => void }) {
  const cal = board.servos[servo]!;
  const [edit, setEdit] = useState(cal);
  const [angle, setAngle] = useState(Math.round(board.pose[servo] ?? 0));
  const last = useRef({ at: 0, timer: undefined as ReturnType<typeof setTimeout> | undefined });
  useEffect(() => setEdit(cal), [cal.trimUs, cal.minDeg, cal.maxDeg]);

  const send = (deg: number) => call('service.board.move', { servo, angle: deg }).catch(onError);
  const move = (deg: number) => {
    setAngle(deg);
    const l = last.current;
    clearTimeout(l.timer);
    const wait = MOVE_EVERY_MS - (Date.now() - l.at);
    if (wait <= 0) {
      l.at = Date.now();
      void send(deg);
    } else l.timer = setTimeout(() => ((l.at = Date.now()), void send(deg)), wait);
  };
  const num = (k: keyof typeof edit) => (e: Event) => setEdit((c) => ({ ...c, [k]: Number((e.target as HTMLInputElement).value) }));
  return (
    <tr data-servo-row={servo}>
      <th>{t(`labels.servos.${servo}`)}</th>
      <td>
        <input type="range" data-servo={servo} aria-label={`${t(`labels.servos.${servo}`)} ${t('board.angle')}`} min={cal.minDeg} max={cal.maxDeg} step={1} value={angle} onInput={(e) => move(Number((e.target as HTMLInputElement).value))} />{' '}
        <output data-angle={servo}>{angle}</output>
      </td>
      <td>
        <input type="number" data-trim={servo} aria-label={`${t(`labels.servos.${servo}`)} ${t('board.trim')}`} min={-300} max={300} value={edit.trimUs} onInput={num('trimUs')} />
      </td>
      <td>
        <input type="number" data-min={servo} aria-label={`${t(`labels.servos.${servo}`)} ${t('board.min')}`} min={-90} max={0} value={edit.minDeg} onInput={num('minDeg')} />
      </td>
      <td>
        <input type="number" data-max={servo} aria-label={`${t(`labels.servos.${servo}`)} ${t('board.max')}`} min={0} max={90} value={edit.maxDeg} onInput={num('maxDeg')} />
      </td>
      <td>
        <button type="button" data-save-servo={servo} onClick={() => call('service.board.calibrate', { servo, calibration: edit }).then(onSaved, onError)}>
          {t('board.save')}
        </button>
      </td>
    </tr>
  );
}

export function BoardPanel(props: PanelProps) {
  const { t, call, api, onError, clearError } = props;
  const [polled, reload] = usePoll(() => call('service.board.get', {}), 2000, onError);
  const [board, setBoard] = useState<ServiceBoard | undefined>();
  const [saved, setSaved] = useState(false);
  useEffect(() => setBoard(polled), [polled]);
  useEffect(() => api.on('service.presence', ({ present }) => setBoard((b) => (b ? { ...b, presence: present } : b))), [api]);
  if (!board) return null;
  return (
    <>
      <BoardStatus t={t} board={board} />
      <section>
        <table>
          <thead>
            <tr>
              <th>{t('board.servo')}</th>
              <th>{t('board.angle')}</th>
              <th>{t('board.trim')}</th>
              <th>{t('board.min')}</th>
              <th>{t('board.max')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {SERVO_NAMES.map((s) => (
              <ServoRow {...props} onError={(e) => (setSaved(false), onError(e))} servo={s} board={board} onSaved={(b) => (setBoard(b), setSaved(true), clearError(), reload())} />
            ))}
          </tbody>
        </table>
        {saved && <p role="status" data-testid="calibration-saved">{t('board.saved')}</p>}
      </section>
      <LightAndBehaviours {...props} board={board} />
    </>
  );
}

/** Connection, e-stop and presence as the board reports them. */
function BoardStatus({ t, board }: { t: PanelProps['t']; board: ServiceBoard }) {
  const presence = board.presence === null ? t('board.unknown') : board.presence ? t('board.present') : t('board.absent');
  return (
    <section>
      <p data-testid="board-status">
        {t('board.status')}: <span data-status={board.status}>{t(`labels.motion.${board.status}`)}</span>{' '}
        {board.code && <span data-code={board.code}>{t(`errors:${board.code}`)}</span>} ({board.adapter === 'none' ? '–' : board.adapter})
      </p>
      <p>
        {t('board.estop')}: <strong data-testid="estop">{board.estop ? t('board.estopActive') : t('board.estopClear')}</strong> · {t('board.presence')}:{' '}
        <span data-testid="presence">{presence}</span>
      </p>
    </section>
  );
}

/** Test colours for the light, each behaviour, and stop-all. */
function LightAndBehaviours({ t, call, onError, clearError, board }: PanelProps & { board: ServiceBoard }) {
  return (
    <section>
      <h2>{t('board.light')}</h2>
      <div class="service-row">
        {TEST_COLOURS.map(([name, colour]) => (
          <button type="button" data-colour={name} style={`border-left:12px solid rgb(${colour.r},${colour.g},${colour.b})`} onClick={() => call('service.board.light', { colour }).then(clearError, onError)}>
            {t(`board.colours.${name}`)}
          </button>
        ))}
      </div>
      <h2>{t('board.behaviours')}</h2>
      <div class="service-row">
        {board.behaviours.map((name) => (
          <button type="button" data-behaviour={name} onClick={() => call('service.board.behaviour', { name }).then(clearError, onError)}>
            {t(`labels.behaviours.${name}`)}
          </button>
        ))}
        <button type="button" data-action="stop-all" onClick={() => call('service.board.stop', {}).then(clearError, onError)}>
          {t('board.stop')}
        </button>
      </div>
    </section>
  );
}
