package org.backprop.spark.data;

import java.util.Iterator;

import scala.Tuple2;

/** The values of an iterator of key–value pairs. */
final class ValueIterator<K, V> implements Iterator<V> {
    private final Iterator<Tuple2<K, V>> pairs;

    ValueIterator(Iterator<Tuple2<K, V>> pairs) {
        this.pairs = pairs;
    }

    @Override
    public boolean hasNext() {
        return pairs.hasNext();
    }

    @Override
    public V next() {
        return pairs.next()._2();
    }
}
