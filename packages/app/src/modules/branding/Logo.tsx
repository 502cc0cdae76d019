import { brand } from './theme';

/** The Gogidix mark, drawn on a 40×40 grid: a house whose outline forms a "G". */
function MarkPaths() {
  return (
    <>
      <path
        d="M20 4 L36 17 V35 a1 1 0 0 1 -1 1 H5 a1 1 0 0 1 -1 -1 V17 Z"
        fill={brand.teal}
      />
      <path
        d="M27 20 H20 V25 H24 V29 H16 V20.5 L20 17 L24.5 17"
        fill="none"
        stroke="#FFFFFF"
        strokeWidth="3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <circle cx="31" cy="11" r="3" fill={brand.amber} />
    </>
  );
}

export function LogoIcon() {
  return (
    <svg width={28} height={28} viewBox="0 0 40 40" role="img">
      <title>Gogidix</title>
      <MarkPaths />
    </svg>
  );
}

export function LogoFull() {
  return (
    <svg width={170} height={36} viewBox="0 0 170 36" role="img">
      <title>Gogidix Platform Portal</title>
      <g transform="scale(0.9)">
        <MarkPaths />
      </g>
      <text
        x="42"
        y="20"
        fill="#FFFFFF"
        fontFamily="Helvetica, Arial, sans-serif"
        fontSize="19"
        fontWeight="700"
      >
        Gogidix
      </text>
      <text
        x="42"
        y="33"
        fill="#C9D6E2"
        fontFamily="Helvetica, Arial, sans-serif"
        fontSize="10"
        letterSpacing="1.5"
      >
        PLATFORM PORTAL
      </text>
    </svg>
  );
}
