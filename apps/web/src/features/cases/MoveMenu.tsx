// "Move to…": the way to change a card's stage by keyboard, screen reader or on a phone. A lost
// stage asks for the loss reason first, since every pipeline mode requires one there.
import { Button, Group, Menu, Modal, NativeSelect, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPipeline, TStageRef } from './types';

type TProps = {
  number: string;
  current: string;
  pipeline: TPipeline;
  disabled?: boolean;
  onMove: (stage: TStageRef, lossReason?: string) => void;
};

export function MoveMenu({ number, current, pipeline, disabled, onMove }: TProps) {
  const { t } = useTranslation();
  const [lostStage, setLostStage] = useState<TStageRef | null>(null);
  const targets = pipeline.stages.filter((s) => s.key !== current);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="compact-xs" variant="light" disabled={disabled}>
            {t('cases.moveTo')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {targets.map((stage) => (
            <Menu.Item
              key={stage.key}
              onClick={() => (stage.kind === 'lost' ? setLostStage(stage) : onMove(stage))}
            >
              {stage.name}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <LossReasonModal
        number={number}
        stage={lostStage}
        reasons={pipeline.lossReasons}
        onClose={() => setLostStage(null)}
        onConfirm={(stage, reason) => {
          setLostStage(null);
          onMove(stage, reason);
        }}
      />
    </>
  );
}

type TLossProps = {
  number: string;
  stage: TStageRef | null;
  reasons: { key: string; name: string }[];
  onClose: () => void;
  onConfirm: (stage: TStageRef, reason: string) => void;
};

export function LossReasonModal({ number, stage, reasons, onClose, onConfirm }: TLossProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState(reasons[0]?.key ?? '');
  return (
    <Modal opened={stage !== null} onClose={onClose} title={t('cases.lossTitle', { number })}>
      <Stack>
        <NativeSelect
          label={t('cases.lossReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data={reasons.map((r) => ({ value: r.key, label: r.name }))}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cases.cancel')}
          </Button>
          <Button disabled={!reason} onClick={() => stage && onConfirm(stage, reason)}>
            {t('cases.confirmMove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
